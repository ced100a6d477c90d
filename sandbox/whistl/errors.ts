/** Invalid control input: the HTTP control API answers 400 with this message. */
export class SandboxInputError extends Error {
  override readonly name = 'SandboxInputError';
}

/** An unknown account or order in a control call: 404. */
export class SandboxNotFoundError extends Error {
  override readonly name = 'SandboxNotFoundError';
}
