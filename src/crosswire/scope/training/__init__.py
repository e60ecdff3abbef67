"""Training the scope model (`crosswire.scope.train`): its examples, fitting and the choice
of operating points on dev. Needs the repository's ``labels/events`` and ``tools/`` and the
shared benchmark data; the installed package never imports it."""
