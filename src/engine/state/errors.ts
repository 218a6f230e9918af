// Why a saved workspace cannot be restored, in words a learner can act on.
// A StateError is raised before anything is replaced: the host being built
// is dropped and the one in use stays as it was.

export type StateErrorKind = 'newer' | 'damaged';

export class StateError extends Error {
  override readonly name = 'StateError';
  constructor(
    readonly kind: StateErrorKind,
    message: string,
  ) {
    super(message);
  }

  static newer(format: number, supported: number): StateError {
    return new StateError(
      'newer',
      `the saved workspace is from a newer Berth (format ${format}; this Berth reads up to format ${supported}): reload the page to get the newer Berth`,
    );
  }

  static damaged(what: string): StateError {
    return new StateError('damaged', `the saved workspace is damaged: ${what}`);
  }
}
