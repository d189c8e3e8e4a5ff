#!/bin/sh
# Print a Python 3.12+ interpreter: Django 6.1, whose examples the tests run, requires it.
# Looks on PATH, then in pyenv's versions (this machine image's python3 is 3.11).
for candidate in python3 python3.13 python3.12 "${PYENV_ROOT:-$HOME/.pyenv}"/versions/3.1[2-9]*/bin/python3; do
    if "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; then
        command -v "$candidate"
        exit 0
    fi
done
echo "no Python 3.12 or newer found; install one or set BASE_PYTHON" >&2
exit 1
