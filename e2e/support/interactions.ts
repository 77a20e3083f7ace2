import type { Keyboard, Locator, Page } from 'playwright-core';

/** What a user does: every one of these on a locator, the page or the keyboard counts as one interaction. */
const ACTIONS = new Set([
  'click',
  'dblclick',
  'tap',
  'fill',
  'type',
  'press',
  'pressSequentially',
  'selectOption',
  'check',
  'uncheck',
  'setChecked',
  'setInputFiles',
  'goto',
]);

/** A locator (the bundled class is not named reliably): it clicks and picks the nth of its matches. */
const isLocator = (x: unknown): x is Locator =>
  typeof x === 'object' &&
  x !== null &&
  typeof (x as Locator).click === 'function' &&
  typeof (x as Locator).nth === 'function';

/**
 * A page whose every user action is counted: clicks, fills, key presses and option choices on any locator made from
 * it (also through first(), nth(), filter(), getByRole() … chains), on the page itself and on its keyboard, and
 * opening a URL with goto. Waiting, reading and checks are free. `log` names each counted action in order.
 */
export function countInteractions(page: Page) {
  const state = { count: 0, log: [] as string[] };
  const counted = (what: string) => {
    state.count += 1;
    state.log.push(`${state.count}. ${what}`);
  };
  function wrap<T extends object>(target: T, name: (prop: string) => string): T {
    return new Proxy(target, {
      get(t, prop) {
        const value = Reflect.get(t, prop, t);
        if (prop === 'keyboard') return wrap(value as Keyboard, (p) => `keyboard.${p}`);
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          if (typeof prop === 'string' && ACTIONS.has(prop))
            counted(`${name(prop)}(${args.map((a) => JSON.stringify(a)).join(', ')})`);
          const result = value.apply(t, args);
          return isLocator(result) ? wrap(result, (p) => `${String(result)}.${p}`) : result;
        };
      },
    });
  }
  return {
    page: wrap(page, (p) => `page.${p}`),
    get count() {
      return state.count;
    },
    get log() {
      return [...state.log];
    },
  };
}
