import { Button as AriaButton, type ButtonProps } from 'react-aria-components';

type Variant = 'primary' | 'secondary' | 'danger';

/** The one button of the app (React Aria: keyboard, press and focus states). */
export function Button({
  variant = 'primary',
  small,
  className,
  ...props
}: ButtonProps & { variant?: Variant; small?: boolean }) {
  const cls = [
    'btn',
    variant !== 'primary' ? variant : '',
    small ? 'small' : '',
    typeof className === 'string' ? className : '',
  ]
    .filter(Boolean)
    .join(' ');
  return <AriaButton {...props} className={cls} />;
}
