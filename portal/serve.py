"""Start gunicorn with the portal's config: `python -m portal.serve [ARGS]`.

gunicorn reads WEB_CONCURRENCY itself when it is imported, with a bare int(),
so a bad value would end in its traceback before any config file runs. The
config file is run here first: a bad variable stops start-up with one line.
"""

import runpy
import sys
from pathlib import Path

CONFIG = Path(__file__).with_name("gunicorn.conf.py")


def main():
    runpy.run_path(str(CONFIG))  # exits with one line on a bad variable
    from gunicorn.app.wsgiapp import run

    sys.argv = ["gunicorn", "-c", str(CONFIG), *sys.argv[1:]]
    run()


if __name__ == "__main__":
    main()
