// bpmn-moddle 10 ships types only under 'bpmn-moddle/types' (not for its main export) and bpmnlint 11 ships
// none for its entry points; this covers what lib/bpmn.ts uses.
declare module 'bpmn-moddle' {
  /** A model element: `$type` like `bpmn:Task`, properties by name, references as elements. */
  export interface ModdleElement {
    readonly $type: string;
    $parent?: ModdleElement;
    $attrs: Record<string, string>;
    $instanceOf(type: string): boolean;
    get(name: string): unknown;
    set(name: string, value: unknown): void;
    [property: string]: unknown;
  }

  export interface ParseWarning {
    message: string;
  }

  export interface ParseResult {
    rootElement: ModdleElement;
    warnings: ParseWarning[];
    elementsById: Record<string, ModdleElement>;
  }

  export class BpmnModdle {
    constructor(packages?: Record<string, unknown>, options?: Record<string, unknown>);
    fromXML(xml: string, typeName?: string, options?: Record<string, unknown>): Promise<ParseResult>;
    toXML(element: ModdleElement, options?: { format?: boolean; preamble?: boolean }): Promise<{ xml: string }>;
    create(type: string, attrs?: Record<string, unknown>): ModdleElement;
  }
}

declare module 'bpmnlint' {
  import type { ModdleElement } from 'bpmn-moddle';

  export interface LintReport {
    id?: string;
    message: string;
    category: 'error' | 'warn' | 'info' | 'rule-error';
  }

  export interface LintResolver {
    resolveRule(pkg: string, ruleName: string): unknown;
    resolveConfig(pkg: string, configName: string): unknown;
  }

  export class Linter {
    constructor(options: {
      config?: { extends?: string | string[]; rules?: Record<string, unknown> };
      resolver: LintResolver;
    });
    lint(root: ModdleElement): Promise<Record<string, LintReport[]>>;
  }
}

declare module 'bpmnlint/lib/resolver/node-resolver.js' {
  import type { LintResolver } from 'bpmnlint';

  const NodeResolver: new (options?: { require?: NodeJS.Require; requireLocal?: NodeJS.Require }) => LintResolver;
  export default NodeResolver;
}
