package vn.haiphong.bdhvs.errors;

/**
 * A mistake the user can fix (a wrong path, a bad argument, an unusable input): the CLI prints
 * the message as one paragraph and exits 2, never a stack trace. The message names the file,
 * line and what was expected.
 */
public final class UserError extends RuntimeException {
  public UserError(String message) {
    super(message);
  }

  public UserError(String message, Throwable cause) {
    super(message, cause);
  }
}
