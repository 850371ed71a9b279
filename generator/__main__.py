import os
import sys

from .cli import main
from .lifetime import keep_until_exit

keep_until_exit()
code = main()
# A run ends holding millions of objects (the pages, the model, the view); freeing them one by
# one at exit costs a third of a second at 3,000 pages and does nothing the system does not do.
# Everything the run wrote is closed by now (mypy ends the same way); only the streams are left.
try:
    for stream in (sys.stdout, sys.stderr):
        if stream is not None:  # None: started with the descriptor closed (`>&-`)
            stream.flush()
except (OSError, ValueError):  # a reader that went away (`| head`): what Python's own exit answers
    code = 120
os._exit(code)
