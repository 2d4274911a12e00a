"""The review before an import writes anything: accept, rename, merge, split or skip."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QIcon, QImage, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from lovebridge.core.importers import grouping
from lovebridge.core.importers.plan import ImportPlan, ProposedMemory
from lovebridge.ui.common.widgets import muted_label, primary_button
from lovebridge.ui.formatting import memory_date_text
from lovebridge.ui.scrapbook.pictures import decode_preview
from lovebridge.ui.tasks import run_task

COVER = QSize(64, 48)  # each suggested memory's first photo, beside its title
COVERS_PER_TASK = 12  # decoded together in one worker task, then shown


def decode_covers(wanted: list[tuple[str, Path]]) -> list[tuple[str, QImage | None]]:
    """Small upright previews of photos (in a worker); one that cannot be read gives None."""
    found: list[tuple[str, QImage | None]] = []
    for sha, path in wanted:
        try:
            found.append((sha, decode_preview(path, 2 * COVER.width())))
        except Exception:  # noqa: BLE001 - a photo that changed or vanished simply shows none
            found.append((sha, None))
    return found


class ImportReviewDialog(QDialog):
    """Lists the suggested memories; nothing is written until Add is pressed."""

    def __init__(self, parent: QWidget, plan: ImportPlan) -> None:
        super().__init__(parent)
        self.setObjectName("importReviewDialog")
        self.setWindowTitle(self.tr("Add these memories?"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        room = parent.size()  # roomy, but never larger than the window it belongs to
        self.resize(min(900, max(560, room.width() - 48)), min(600, max(420, room.height() - 48)))
        self.plan = plan
        self.proposals: list[ProposedMemory] = list(plan.proposals)
        self._covers: dict[str, QIcon | None] = {}  # by photo hash; None: could not be read
        self._covers_loading = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 18)
        layout.setSpacing(10)
        title = QLabel(self.tr("Add these memories?"))
        title.setObjectName("dialogTitle")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        title.setFont(font)
        layout.addWidget(title)
        self.summary = muted_label("")
        self.summary.setObjectName("importSummary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)

        self.tree = QTreeWidget()
        self.tree.setObjectName("importProposals")
        self.tree.setHeaderLabels([self.tr("Memory"), self.tr("Date"), self.tr("Photos"),
                                   self.tr("Place")])
        self.tree.setRootIsDecorated(False)
        self.tree.setIconSize(COVER)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed)
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.itemSelectionChanged.connect(self._update_buttons)
        self.tree.itemChanged.connect(self._on_item_changed)
        layout.addWidget(self.tree, 1)

        tools = QHBoxLayout()
        self.merge_button = QPushButton(self.tr("Merge"))
        self.merge_button.setObjectName("importMerge")
        self.merge_button.setToolTip(self.tr("Make one memory of the selected ones"))
        self.merge_button.clicked.connect(self.merge_selected)
        self.split_button = QPushButton(self.tr("Split"))
        self.split_button.setObjectName("importSplit")
        self.split_button.setToolTip(self.tr("Make two memories, cut at the longest pause"))
        self.split_button.clicked.connect(self.split_selected)
        self.bursts_box = QCheckBox(self.tr("Also add near-identical burst shots"))
        self.bursts_box.setObjectName("importBursts")
        for widget in (self.merge_button, self.split_button):
            tools.addWidget(widget)
        tools.addStretch(1)
        tools.addWidget(self.bursts_box)
        layout.addLayout(tools)

        self.report_toggle = QToolButton()
        self.report_toggle.setObjectName("importReportToggle")
        self.report_toggle.setCheckable(True)
        self.report_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.report = QPlainTextEdit()
        self.report.setObjectName("importReport")
        self.report.setReadOnly(True)
        self.report.setMaximumHeight(130)
        self.report.hide()
        self.report_toggle.toggled.connect(self.report.setVisible)
        layout.addWidget(self.report_toggle)
        layout.addWidget(self.report)
        self._fill_report()

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        cancel = QPushButton(self.tr("Cancel"))
        cancel.setObjectName("importCancel")
        cancel.clicked.connect(self.reject)
        buttons.addWidget(cancel)
        self.add_button = primary_button("")
        self.add_button.setObjectName("importAdd")
        self.add_button.clicked.connect(self.accept)
        buttons.addWidget(self.add_button)
        layout.addLayout(buttons)
        self._refill()

    # ---- the list -----------------------------------------------------------------------
    def _refill(self) -> None:
        self.tree.blockSignals(True)
        self.tree.clear()
        for proposal in self.proposals:
            photos = str(len(proposal.photos))
            if proposal.bursts:
                photos += self.tr(" (+{n} burst)").format(n=len(proposal.bursts))
            item = QTreeWidgetItem([proposal.title, memory_date_text(proposal.when), photos,
                                    proposal.place_label])
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable
                          | Qt.ItemFlag.ItemIsEditable)
            item.setCheckState(0, Qt.CheckState.Checked if proposal.accepted
                               else Qt.CheckState.Unchecked)
            item.setIcon(0, self._cover_of(proposal))
            item.setToolTip(0, proposal.title)  # a long title is cut in the column
            self.tree.addTopLevelItem(item)
        self.tree.blockSignals(False)
        self._update_buttons()
        self._load_covers()

    # ---- covers: each suggestion's first photo, decoded small in a worker -----------------
    def _cover_of(self, proposal: ProposedMemory) -> QIcon:
        if not proposal.photos:
            return QIcon()
        return self._covers.get(proposal.photos[0].sha256) or QIcon()

    def _load_covers(self) -> None:
        if self._covers_loading:
            return  # the running task asks again when it is done
        wanted = [(p.photos[0].sha256, p.photos[0].path) for p in self.proposals
                  if p.photos and p.photos[0].sha256 not in self._covers][:COVERS_PER_TASK]
        if not wanted:
            return
        self._covers_loading = True
        run_task(lambda: decode_covers(wanted), self._show_covers,
                 lambda _error: self._show_covers([(sha, None) for sha, _path in wanted]),
                 owner=self)

    def _show_covers(self, found: list[tuple[str, QImage | None]]) -> None:
        self._covers_loading = False
        for sha, image in found:
            self._covers[sha] = None if image is None else QIcon(QPixmap.fromImage(image))
        for row, proposal in enumerate(self.proposals):
            item = self.tree.topLevelItem(row)
            if item is not None and item.icon(0).isNull():
                self.tree.blockSignals(True)
                item.setIcon(0, self._cover_of(proposal))
                self.tree.blockSignals(False)
        self._load_covers()

    def _on_item_changed(self, item: QTreeWidgetItem, column: int) -> None:
        proposal = self.proposals[self.tree.indexOfTopLevelItem(item)]
        if column == 0:
            proposal.accepted = item.checkState(0) == Qt.CheckState.Checked
            title = item.text(0).strip()
            if title:
                proposal.title = title[:200]
        self._update_buttons()

    def _selected(self) -> list[int]:
        return sorted(self.tree.indexOfTopLevelItem(i) for i in self.tree.selectedItems())

    def _update_buttons(self) -> None:
        chosen = [self.proposals[i] for i in self._selected()]
        self.merge_button.setEnabled(len(chosen) >= 2 and all(p.photos for p in chosen))
        self.split_button.setEnabled(len(chosen) == 1 and len(chosen[0].photos) >= 2)
        accepted = [p for p in self.proposals if p.accepted]
        photos = sum(len(p.photos) for p in accepted)
        self.add_button.setText(
            self.tr("Add %Ln memory(s)", "", len(accepted)))
        self.add_button.setEnabled(bool(accepted))
        self.summary.setText(self.tr(
            "{memories} suggested memories with {photos} photos. Untick one to skip it; "
            "double-click a title to rename it. Nothing is added until you press Add.").format(
                memories=f"{len(self.proposals):,}", photos=f"{photos:,}"))

    def merge_selected(self) -> None:
        rows = self._selected()
        if len(rows) < 2:
            return
        merged = grouping.merge([self.proposals[i] for i in rows])
        for i in reversed(rows):
            del self.proposals[i]
        self.proposals.insert(rows[0], merged)
        self._refill()
        self.tree.setCurrentItem(self.tree.topLevelItem(rows[0]))

    def split_selected(self) -> None:
        rows = self._selected()
        if len(rows) != 1 or len(self.proposals[rows[0]].photos) < 2:
            return
        proposal = self.proposals[rows[0]]
        before, after = grouping.split(proposal, grouping.largest_gap(proposal))
        self.proposals[rows[0]:rows[0] + 1] = [before, after]
        self._refill()

    # ---- the report ---------------------------------------------------------------------
    def _fill_report(self) -> None:
        lines = [str(p) for p in self.plan.problems]
        lines += [self.tr("Kept in the export only: {what}").format(what=u)
                  for u in self.plan.unmapped]
        if self.plan.skipped_known:
            lines.insert(0, self.tr("{n} photos or entries are already in your scrapbook and "
                                    "were left alone.").format(n=f"{self.plan.skipped_known:,}"))
        self.report.setPlainText("\n".join(lines))
        count = len(self.plan.problems)
        self.report_toggle.setText(
            self.tr("%Ln file(s) not imported — show why", "", count) if count
            else self.tr("Details"))
        self.report_toggle.setVisible(bool(lines))

    @property
    def include_bursts(self) -> bool:
        return self.bursts_box.isChecked()

    def result_plan(self) -> ImportPlan:
        """The plan as reviewed: merged, split, renamed and skipped as the couple chose."""
        self.plan.proposals = self.proposals
        return self.plan
