"""The suggestions beside the editor: ranked as you type, previewed filled in, keyboard-driven."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QLabel,
    QListView,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from lovebridge.core.write.placeholders import FillValues, fill
from lovebridge.core.write.suggestions import RankContext, SuggestionEngine
from lovebridge.core.write.templates import Template, TemplateLibrary
from lovebridge.ui.common.flow_layout import flow_container
from lovebridge.ui.write.suggestion_model import CardDelegate, SuggestionModel

RESULTS_SHOWN = 30


class SuggestionsPanel(QWidget):
    """Category chooser, ranked list, preview, and the couple's own templates."""

    insert_requested = Signal(object, str)  # Template, filled text: at the cursor
    replace_requested = Signal(object, str)  # Template, filled text: replaces the draft
    back_to_editor = Signal()
    category_changed = Signal(object)  # str | None
    save_template_requested = Signal()
    edit_template_requested = Signal(object)  # Template
    delete_template_requested = Signal(object)  # Template

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("suggestionsPanel")
        self._engine = SuggestionEngine(())
        self._library = TemplateLibrary()
        self._values = FillValues()
        self._context = RankContext()
        self._query = ""
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 10, 10, 10)
        layout.setSpacing(8)
        self.category_box = QComboBox()
        self.category_box.setObjectName("categoryChoice")
        self.category_box.setAccessibleName(self.tr("Kind of note"))
        self.category_box.currentIndexChanged.connect(self._category_chosen)
        layout.addWidget(self.category_box)
        self.model = SuggestionModel(self)
        self.list = QListView()
        self.list.setObjectName("suggestionList")
        self.list.setAccessibleName(self.tr("Suggestions"))
        self.list.setModel(self.model)
        self.list.setItemDelegate(CardDelegate(self.list))
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list.setUniformItemSizes(True)
        self.list.setFrameShape(QListView.Shape.NoFrame)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.installEventFilter(self)
        self.list.doubleClicked.connect(lambda _i: self.accept_current(replace=False))
        layout.addWidget(self.list, 3)
        self.preview = QLabel()
        self.preview.setObjectName("suggestionPreview")
        self.preview.setWordWrap(True)
        self.preview.setTextFormat(Qt.TextFormat.PlainText)
        self.preview.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        scroller = QScrollArea()
        scroller.setObjectName("suggestionPreviewScroll")
        scroller.setWidget(self.preview)
        scroller.setWidgetResizable(True)
        scroller.setFrameShape(QScrollArea.Shape.NoFrame)
        scroller.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroller.setMinimumHeight(80)
        scroller.setMaximumHeight(190)  # a long letter scrolls here; the list keeps its room
        layout.addWidget(scroller, 1)
        keys = QLabel(self.tr("Enter inserts at the cursor · Shift+Enter replaces the draft · "
                              "Esc goes back to writing · Ctrl+↓ comes here"))
        keys.setProperty("muted", True)
        keys.setWordWrap(True)
        keys.setObjectName("suggestionKeys")
        layout.addWidget(keys)
        actions_holder, actions = flow_container()
        self.insert_button = QPushButton(self.tr("Insert"))
        self.insert_button.setObjectName("insertSuggestion")
        self.insert_button.setProperty("primary", True)
        self.insert_button.clicked.connect(lambda: self.accept_current(replace=False))
        self.replace_button = QPushButton(self.tr("Replace draft"))
        self.replace_button.setObjectName("replaceWithSuggestion")
        self.replace_button.clicked.connect(lambda: self.accept_current(replace=True))
        actions.addWidget(self.insert_button)
        actions.addWidget(self.replace_button)
        layout.addWidget(actions_holder)
        own_holder, own = flow_container()
        self.save_template_button = QPushButton(self.tr("Save note as my template"))
        self.save_template_button.setObjectName("saveAsTemplate")
        self.save_template_button.clicked.connect(self.save_template_requested)
        self.edit_template_button = QPushButton(self.tr("Edit"))
        self.edit_template_button.setObjectName("editTemplate")
        self.edit_template_button.clicked.connect(
            lambda: self._current() and self.edit_template_requested.emit(self._current()))
        self.delete_template_button = QPushButton(self.tr("Delete"))
        self.delete_template_button.setObjectName("deleteTemplate")
        self.delete_template_button.clicked.connect(
            lambda: self._current() and self.delete_template_requested.emit(self._current()))
        own.addWidget(self.save_template_button)
        own.addWidget(self.edit_template_button)
        own.addWidget(self.delete_template_button)
        layout.addWidget(own_holder)
        self.list.selectionModel().currentChanged.connect(lambda *_: self._show_current())
        self._show_current()

    # ---- data --------------------------------------------------------------------------------
    def set_library(self, library: TemplateLibrary) -> None:
        """A new template list (built-in + own): reindex, keeping the category chosen."""
        chosen = self.category()
        self._library = library
        self._engine = SuggestionEngine(library.templates, library.categories)
        self.model.set_category_labels({c.key: c.label for c in library.categories})
        self.category_box.blockSignals(True)
        self.category_box.clear()
        self.category_box.addItem(self.tr("Any kind of note"), None)
        for category in library.categories:
            self.category_box.addItem(category.label, category.key)
        index = self.category_box.findData(chosen)
        self.category_box.setCurrentIndex(max(index, 0))
        self.category_box.blockSignals(False)
        self._engine.set_context(self._context)
        self.refresh()

    def set_context(self, context: RankContext, values: FillValues) -> None:
        self._context = RankContext(self.category(), context.boosted_categories,
                                    context.recently_used, context.now)
        self._values = values
        self._engine.set_context(self._context)
        self.refresh()

    def set_category(self, key: str | None) -> None:
        index = self.category_box.findData(key)
        self.category_box.setCurrentIndex(max(index, 0))

    def category(self) -> str | None:
        return self.category_box.currentData()

    def set_query(self, text: str) -> None:
        """The draft changed: re-rank on its words and show the best first."""
        self._query = text
        self.refresh(keep_current=False)

    def refresh(self, keep_current: bool = True) -> None:
        current = self._current() if keep_current else None
        before = self.list.currentIndex().row()
        if not self.model.set_results(self._engine.rank(self._query, RESULTS_SHOWN),
                                      self._values) and (keep_current or before == 0):
            return  # same suggestions in the same order: nothing the writer sees changes
        row = max(self.model.row_of(current.key if current else None), 0)
        self.list.setCurrentIndex(self.model.index(row, 0))
        if row == 0:
            self.list.scrollToTop()
        self._show_current()

    def _category_chosen(self, _index: int) -> None:
        self._context = RankContext(self.category(), self._context.boosted_categories,
                                    self._context.recently_used, self._context.now)
        self._engine.set_context(self._context)
        self.refresh()
        self.category_changed.emit(self.category())

    # ---- choosing ----------------------------------------------------------------------------
    def _current(self) -> Template | None:
        return self.model.template_at(self.list.currentIndex().row())

    def filled(self, template: Template) -> str:
        return fill(template.text, self._values)

    def _show_current(self) -> None:
        template = self._current()
        self.preview.setText(self.filled(template) if template else
                             self.tr("No suggestions match yet — keep writing in your own words."))
        for button in (self.insert_button, self.replace_button):
            button.setEnabled(template is not None)
        mine = template is not None and template.is_custom
        self.edit_template_button.setEnabled(mine)
        self.delete_template_button.setEnabled(mine)

    def focus_list(self) -> None:
        """Move the keyboard into the list (from the editor's Ctrl+Down)."""
        if not self.list.currentIndex().isValid() and self.model.rowCount():
            self.list.setCurrentIndex(self.model.index(0, 0))
        self.list.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def accept_current(self, replace: bool) -> None:
        template = self._current()
        if template is None:
            return
        signal = self.replace_requested if replace else self.insert_requested
        signal.emit(template, self.filled(template))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.list and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
                self.accept_current(replace=shift)
                return True
            if event.key() == Qt.Key.Key_Escape:
                self.back_to_editor.emit()
                return True
        return super().eventFilter(watched, event)
