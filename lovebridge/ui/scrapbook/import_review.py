"""The review before an import writes anything: accept, rename, merge, split or skip."""

from __future__ import annotations

from PySide6.QtCore import Qt
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


class ImportReviewDialog(QDialog):
    """Lists the suggested memories; nothing is written until Add is pressed."""

    def __init__(self, parent: QWidget, plan: ImportPlan) -> None:
        super().__init__(parent)
        self.setObjectName("importReviewDialog")
        self.setWindowTitle(self.tr("Add these memories?"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.resize(760, 560)
        self.plan = plan
        self.proposals: list[ProposedMemory] = list(plan.proposals)
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
            self.tree.addTopLevelItem(item)
        self.tree.blockSignals(False)
        self._update_buttons()

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
