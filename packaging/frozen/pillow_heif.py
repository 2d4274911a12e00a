"""`pillow_heif` inside the frozen LoveBridge: the same API, from pi-heif.

pi-heif is pillow-heif's decode-only build (the same code under another name) with
LGPL-licensed binaries: it leaves out the x265 HEVC *encoder* (20 MB, GPL-2.0), which LoveBridge
never uses — it reads HEIC photos, it never writes them. The spec puts this module in the bundle
in place of pillow-heif, so `from pillow_heif import register_heif_opener` keeps working.
"""

import sys

import pi_heif

sys.modules[__name__] = pi_heif  # the import statement hands back pi_heif itself
