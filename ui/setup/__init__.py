"""Setting up a supervision project: the new-project wizard, the agreement form, the empty states
that say which step is missing and lead there."""
