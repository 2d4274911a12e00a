"""Run by test_audit_kills.py as a real process with the lock on: pastes, imports, thumbnails
and backs up in a loop until it is SIGKILLed. Every picture carries MARKER in its bytes."""

import io
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PIL import Image  # noqa: E402
from PySide6.QtGui import QGuiApplication, QImage  # noqa: E402

from lovebridge.core.backup import create_backup  # noqa: E402
from lovebridge.core.opening import open_library  # noqa: E402
from lovebridge.core.privacy.switch import unlock_keys  # noqa: E402
from lovebridge.core.scrapbook.photo_import import (  # noqa: E402
    PhotoImporter,
    thumbnail_bytes,
    thumbnail_path,
)
from lovebridge.paths import resolve_paths  # noqa: E402

MARKER = b"LOVEBRIDGE-PLAIN-MARKER"


def marked_jpeg(seed: int) -> bytes:
    buffer = io.BytesIO()
    Image.effect_noise((640, 480), 40 + seed % 50).convert("RGB").save(
        buffer, "JPEG", quality=92, comment=MARKER + str(seed).encode())
    return buffer.getvalue()


def paste(importer: PhotoImporter, ctx, seed: int) -> None:  # noqa: ANN001
    """What the Scrapbook room does with pasted image data."""
    image = QImage.fromData(marked_jpeg(seed))
    image.setText("Comment", MARKER.decode())  # written into the PNG as a text chunk
    try:
        from lovebridge.ui.scrapbook.drops import pasted_png_bytes
    except ImportError:  # LoveBridge before pictures were pasted in memory: via cache/pasted/
        from lovebridge.ui.scrapbook.drops import save_pasted_image

        saved = save_pasted_image(image, ctx.paths.cache / "pasted", str(seed))
        try:
            importer.import_files([saved])
        finally:
            saved.unlink(missing_ok=True)
        return
    importer.import_data([(f"pasted-{seed}.png", pasted_png_bytes(image))])


if __name__ == "__main__":
    folder, passphrase, seed = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
    mode = sys.argv[4]  # what this round does in a loop: paste, import, thumbnail or backup
    app = QGuiApplication(sys.argv[:1])
    paths = resolve_paths(folder)
    data_key, _slot = unlock_keys(paths, passphrase)
    ctx = open_library(paths, data_key)
    importer = PhotoImporter(ctx)
    incoming = folder.parent / "incoming"
    incoming.mkdir(exist_ok=True)
    step = seed * 1000
    source = incoming / f"photo-{seed}.jpg"
    source.write_bytes(marked_jpeg(seed))
    (photo,) = importer.import_files([source]).photos
    print("READY", flush=True)
    while True:
        step += 1
        if mode == "paste":
            paste(importer, ctx, step)
        elif mode == "import":
            source = incoming / f"photo-{step}.jpg"
            source.write_bytes(marked_jpeg(step))
            importer.import_files([source])
        elif mode == "thumbnail":
            thumbnail_path(ctx, photo.sha256).unlink(missing_ok=True)
            thumbnail_bytes(ctx, photo)
        else:
            create_backup(ctx.store, paths, paths.backups / f"b-{step}.lovebridge", now=ctx.now())
        print(f"ACK {step}", flush=True)
