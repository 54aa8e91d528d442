"""Modal dialogs of the review app; each is a ModalScreen[T] that dismisses with its result."""
