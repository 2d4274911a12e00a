"""The ranker's labelled partial drafts: the held-out set is frozen and checked by its hash."""

from __future__ import annotations

import hashlib

from tests.write.ranker_eval import SETS, load_set

HELDOUT_SHA256 = "ae7492062069805ee94584a2bf781a41b9cb590fba3721f4f5d9451a82dfe4c0"


def test_heldout_set_is_frozen():
    """Written before the ranker changed; editing it would let the ranker be tuned to it."""
    digest = hashlib.sha256((SETS / "heldout.jsonl").read_bytes()).hexdigest()
    assert digest == HELDOUT_SHA256


def test_heldout_set_is_large_and_varied():
    rows = load_set("heldout")
    assert len(rows) >= 100
    assert len({row["draft"] for row in rows}) == len(rows)
    assert len({row["kind"] for row in rows}) >= 20
