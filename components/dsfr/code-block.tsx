/**
 * A block of code (a command, a JSON answer) that keeps its lines as written: a line longer than the
 * screen scrolls inside the block, never the page (RGAA 10.11), and the block takes the keyboard
 * focus and is named after `label`, so that it scrolls without a mouse (RGAA 7.3), as a
 * `DataTable` does.
 */
export function CodeBlock({ label, className, children }: { label: string; className?: string; children: string }) {
  return (
    <pre className={className} style={{ overflowX: "auto" }} tabIndex={0} role="region" aria-label={label}>
      <code>{children}</code>
    </pre>
  );
}
