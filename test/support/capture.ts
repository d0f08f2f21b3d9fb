/** Collects what a CLI command writes, for commands that take their output streams as functions. */
export function capture() {
  const out = { stdout: '', stderr: '' };
  const io = {
    stdout: (s: string) => {
      out.stdout += s;
    },
    stderr: (s: string) => {
      out.stderr += s;
    },
  };
  return { out, io };
}
