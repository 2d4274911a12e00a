"""The compose page: editor, coach, suggestions, card preview, sending on; drafts autosave."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from pathlib import Path

import shiboken6
from PySide6.QtCore import QLocale, QStandardPaths, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QAction, QDesktopServices, QGuiApplication, QKeySequence, QTextCursor
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from lovebridge.core.context import AppContext
from lovebridge.core.write.channels import mailto_url
from lovebridge.core.write.coach import Hint, review
from lovebridge.core.write.context import MemoryRef, WritingContext, fill_values
from lovebridge.core.write.messages import MAX_MESSAGE_CHARS, Draft, MessageRecord, MessageService
from lovebridge.core.write.note_state import NoteStateService
from lovebridge.core.write.partner_notes import (
    FromPartnerError,
    NotSharingError,
    OpeningDayError,
    PartnerNotes,
    PrivateNoteError,
)
from lovebridge.core.write.placeholders import FillValues, find_blanks
from lovebridge.core.write.spelling import spelling_for
from lovebridge.core.write.suggestions import RankContext, context_boosts
from lovebridge.core.write.templates import Template, TemplateLibrary
from lovebridge.render.content import NoteContent
from lovebridge.ui.common.flow_layout import flow_container
from lovebridge.ui.common.reflow_splitter import ReflowPane, ReflowSplitter
from lovebridge.ui.common.widgets import back_text, card, scrolling
from lovebridge.ui.hand.choices import hand_entries
from lovebridge.ui.settings import Option, Settings
from lovebridge.ui.tasks import run_task
from lovebridge.ui.write.coach_bar import CoachBar
from lovebridge.ui.write.draft_saver import DraftSaver
from lovebridge.ui.write.editor import DraftEditor
from lovebridge.ui.write.format_bar import FormatBar
from lovebridge.ui.write.mail_handoff import NoMailDialog, ask_text_path, mail_program_available
from lovebridge.ui.write.note_panel import NotePanel
from lovebridge.ui.write.partner_send import sent_status_text
from lovebridge.ui.write.send_bar import PARTNER, SendBar
from lovebridge.ui.write.suggestions_panel import SuggestionsPanel
from lovebridge.ui.write.text_positions import utf16_offset

logger = logging.getLogger(__name__)

AUTOSAVE_MS = 3000
QUIET_SAVE_MS = 1200
COACH_DELAY_MS = 250
QUERY_TAIL = 600  # suggestions follow the last few sentences, not a whole long letter
LAST_CHANNEL = Option("write/last_channel", "print", str)


class ComposePage(QWidget):
    """One note being written. `delivered` fires after it was sent on or given."""

    delivered = Signal()
    saved = Signal()
    back_requested = Signal()
    writer_changed = Signal(str)  # "a" | "b": the other partner took the keyboard

    def __init__(self, ctx: AppContext, settings: Settings, messages: MessageService,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("writeCompose")
        self._ctx = ctx
        self._settings = settings
        self._messages = messages
        self._uuid: str | None = None
        # Coach hints dismissed for this note (read once when it opens; kept in the database).
        self._note_state = NoteStateService(ctx.store)
        self._dismissed: set[str] = set()
        self._template_key: str | None = None
        self._category: str | None = None
        self._memory_uuid: str | None = None
        self._dirty = False
        self._loading = False
        self._save_failed = False
        self._card_overflow = False
        self._sent_channel: str | None = None
        self._writer = "a"
        self._partner_notes = PartnerNotes(ctx.store, clock=ctx.now)
        self._partner_name = ""  # the other laptop's person, while sharing is set up
        self._reply_to: str | None = None
        self._context: WritingContext | None = None
        self._memories: list[MemoryRef] = []
        self._library = TemplateLibrary()
        # Injectable for tests: how a URL is opened and where a picture is saved.
        self.open_url: Callable[[QUrl], object] = QDesktopServices.openUrl
        self.choose_image_path: Callable[[str], str | None] = self._ask_image_path
        self.choose_text_path: Callable[[str], str | None] = lambda name: ask_text_path(
            self, name)
        self.find_mail_program: Callable[[], bool] = mail_program_available
        self._dialogs: list[QWidget] = []
        self._build()
        # Autosaves commit off the GUI thread; saves made at once wait for them (in order).
        self._saver = DraftSaver(lambda draft: self._messages.save(draft), self)
        self._saver.saved.connect(self._on_background_saved)
        self._saver.failed.connect(self._on_save_failed)
        self._new_uuid: str | None = None  # a new note's id, chosen before its first save
        self._autosave = QTimer(self)
        self._autosave.setInterval(AUTOSAVE_MS)
        self._autosave.timeout.connect(self.save_in_background)
        self._autosave.start()
        self._quiet = QTimer(self)
        self._quiet.setSingleShot(True)
        self._quiet.setInterval(QUIET_SAVE_MS)
        self._quiet.timeout.connect(self.save_in_background)
        self._coach_timer = QTimer(self)
        self._coach_timer.setSingleShot(True)
        self._coach_timer.setInterval(COACH_DELAY_MS)
        self._coach_timer.timeout.connect(self.run_coach)

    # ---- building ----------------------------------------------------------------------------
    @staticmethod
    def _side_page(page: QWidget) -> QWidget:
        """`page` scrolling up and down, never narrower than its controls need (the splitter
        takes the width from the other pane, or stacks them, instead of cutting a button)."""
        area = scrolling(page, ReflowPane())
        area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        return area

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 18, 24, 14)
        outer.setSpacing(10)
        top = QHBoxLayout()
        self.back_button = QPushButton(back_text(self.tr("← Your notes")))
        self.back_button.setObjectName("backToNotes")
        self.back_button.clicked.connect(self.back_requested)
        top.addWidget(self.back_button)
        self.occasion = QLabel()
        self.occasion.setObjectName("occasionLine")
        self.occasion.hide()
        top.addWidget(self.occasion)
        top.addStretch(1)
        # Who writes, the memory and the save status wrap to a second row rather than be cut.
        extras, flow = flow_container(8)
        top.addWidget(extras)
        flow.addWidget(self._build_writer_switch())
        self.memory_box = QComboBox()
        self.memory_box.setObjectName("memoryChoice")
        self.memory_box.setAccessibleName(self.tr("Memory to draw on"))
        # Long memory titles are elided in a narrow window; the list shows them whole.
        self.memory_box.setMinimumContentsLength(14)
        self.memory_box.setToolTip(self.tr("A memory to draw on"))
        self.memory_box.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.memory_box.activated.connect(self._memory_chosen)
        flow.addWidget(self.memory_box)
        self.save_status = QLabel()
        self.save_status.setObjectName("saveStatus")
        self.save_status.setProperty("muted", True)
        flow.addWidget(self.save_status)
        outer.addLayout(top)

        # Editor and panel stack when a narrow window with a large font cannot hold both.
        splitter = ReflowSplitter(Qt.Orientation.Horizontal)
        splitter.setObjectName("composeSplitter")
        splitter.setChildrenCollapsible(False)
        editor_card = card()
        column = QVBoxLayout(editor_card)
        column.setContentsMargins(16, 12, 16, 14)
        column.setSpacing(8)
        self.editor = DraftEditor()
        # Room for a few lines however large the font; the card scrolls when the window is low.
        self.editor.setMinimumHeight(self.editor.fontMetrics().lineSpacing() * 4 + 24)
        self.format_bar = FormatBar(self.editor)
        column.addWidget(self.format_bar)
        column.addWidget(self.editor, 1)
        self.send_bar = SendBar()
        counts = QHBoxLayout()
        self.private_box = QCheckBox(self.tr("Private to me"))
        self.private_box.setObjectName("notePrivate")
        self.private_box.setToolTip(self.tr(
            "Kept on this laptop only: never sent to your partner's laptop when sharing"))
        self.private_box.toggled.connect(self._private_toggled)
        self.private_box.toggled.connect(self.send_bar.partner_box.set_private)
        counts.addWidget(self.private_box)
        # The count takes the rest of the row (right-aligned): it wraps only when the row is
        # too narrow for it, not at a wrapped label's own short preferred width.
        counts.addWidget(self.send_bar.count_label, 1)
        column.addLayout(counts)
        self.notice = QLabel()
        self.notice.setObjectName("writeNotice")
        self.notice.setWordWrap(True)
        self.notice.hide()
        column.addWidget(self.notice)
        self.partner_status = QLabel()
        self.partner_status.setObjectName("partnerStatus")
        self.partner_status.setProperty("muted", True)
        self.partner_status.setWordWrap(True)
        self.partner_status.hide()
        column.addWidget(self.partner_status)
        self.coach_bar = CoachBar()
        column.addWidget(self.coach_bar)
        column.addWidget(self.send_bar)
        splitter.addWidget(self._side_page(editor_card))

        self.side_tabs = QTabWidget()
        self.side_tabs.setObjectName("writeSideTabs")
        self.suggestions = SuggestionsPanel()
        self.side_tabs.addTab(self._side_page(self.suggestions), self.tr("Suggestions"))
        card_page = QWidget()
        card_layout = QVBoxLayout(card_page)
        card_layout.setContentsMargins(10, 10, 10, 10)
        self.blank_warning = QLabel()
        self.blank_warning.setObjectName("blankWarning")
        self.blank_warning.setWordWrap(True)
        self.blank_warning.hide()
        card_layout.addWidget(self.blank_warning)
        self.note_panel = NotePanel(self._ctx, self._settings)
        card_layout.addWidget(self.note_panel, 1)
        self.side_tabs.addTab(self._side_page(card_page), self.tr("Card"))
        splitter.addWidget(self.side_tabs)
        splitter.setStretchFactor(0, 5)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([610, 330])
        outer.addWidget(splitter, 1)

        self.editor.textChanged.connect(self._text_changed)
        self.editor.capped.connect(self._paste_capped)
        self.editor.suggestions_requested.connect(self._into_suggestions)
        self.suggestions.back_to_editor.connect(lambda: self.editor.setFocus())
        self.suggestions.insert_requested.connect(lambda t, s: self.use_template(t, s, False))
        self.suggestions.replace_requested.connect(lambda t, s: self.use_template(t, s, True))
        self.suggestions.category_changed.connect(self._category_changed)
        self.coach_bar.dismissed.connect(self._dismiss_hint)
        self.coach_bar.rephrase_requested.connect(self.apply_rephrasing)
        self.send_bar.channel_changed.connect(self._channel_changed)
        self.send_bar.action_requested.connect(self.send)
        self.send_bar.partner_send_requested.connect(self.send_to_partner)
        self.note_panel.exported.connect(self._exported)
        # One handwriting and one ink for the editor and the card.
        self.note_panel.style_changed.connect(self.format_bar.show_style)
        self.note_panel.hands_listed.connect(self.format_bar.set_hands)
        self.format_bar.set_hands(hand_entries(self.note_panel.font_box))
        self.format_bar.handwriting_chosen.connect(self.note_panel.set_handwriting)
        self.format_bar.ink_chosen.connect(self.note_panel.set_ink)
        style = self.note_panel.style()
        self.format_bar.show_style(style.font, style.ink)
        self.note_panel.overflow_changed.connect(self._overflow_changed)
        self.send_bar.set_channel(self._settings.get(LAST_CHANNEL))
        self.print_action = QAction(self.tr("Print the note…"), self)
        self.print_action.setObjectName("printNoteAction")
        self.print_action.setShortcuts(QKeySequence.keyBindings(QKeySequence.StandardKey.Print))
        self.print_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.print_action.triggered.connect(lambda: self.send("print"))
        self.addAction(self.print_action)

    def _build_writer_switch(self) -> QWidget:
        """Who is writing, switched in one click on a shared laptop (signs the note)."""
        box = QWidget()
        box.setObjectName("writerSwitch")
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        self.writer_buttons: dict[str, QPushButton] = {}
        group = QButtonGroup(box)
        group.setExclusive(True)
        for key in ("a", "b"):
            button = QPushButton()
            button.setObjectName(f"writer-{key}")
            button.setCheckable(True)
            button.setToolTip(self.tr("Who is writing this note"))
            button.clicked.connect(lambda _c=False, k=key: self._writer_picked(k))
            group.addButton(button)
            row.addWidget(button)
            self.writer_buttons[key] = button
        return box

    def memory_uuid(self) -> str | None:
        return self._memory_uuid

    def signed_by_new_writer(self) -> None:
        """The writer changed: a note already begun is saved as theirs."""
        if self._uuid is not None or self.editor.toPlainText().strip():
            self._mark_dirty()
            self.save_now()

    def _writer_picked(self, key: str) -> None:
        if key != self._writer:
            self.writer_changed.emit(key)

    def _show_writer(self, context: WritingContext) -> None:
        profile = context.profile
        for key, button in self.writer_buttons.items():
            name = profile.name_of(key) if profile is not None else ("A" if key == "a" else "B")
            button.setText(self.tr("{name} writing").format(name=name) if key == context.writer
                           else name)
            button.setAccessibleName(self.tr("{name} is writing").format(name=name))
            button.setChecked(key == context.writer)
            button.setMinimumWidth(button.sizeHint().width())  # a name is never cut short

    # ---- the note's situation ----------------------------------------------------------------
    def set_library(self, library: TemplateLibrary) -> None:
        self._library = library
        self.suggestions.set_library(library)

    def set_context(self, context: WritingContext, memories: list[MemoryRef]) -> None:
        """Names, memories and dates that fill placeholders and steer suggestions."""
        self._context = context
        self._writer = context.writer
        self._show_writer(context)
        self._memories = memories
        self.note_panel.set_partner(context.writer)
        self.send_bar.set_partner_name(context.fill.partner)
        self.memory_box.clear()
        self.memory_box.addItem(self.tr("No memory chosen"), None)
        for memory in memories:
            self.memory_box.addItem(f"{memory.title} · {memory.when()}", memory.uuid)
        chosen = self._memory_uuid or (context.on_this_day[0].uuid if context.on_this_day else None)
        self.memory_box.setCurrentIndex(max(self.memory_box.findData(chosen), 0))
        self._apply_context()

    def update_context(self, context: WritingContext) -> None:
        """Fresh dates and plans for the suggestions; the note and its memory stay as they are."""
        if self._context is not None:
            self._context = context
            self._apply_context()

    def _apply_context(self) -> None:
        context = self._context
        if context is None:
            return
        plan_days = None
        if context.next_plan is not None:
            plan_days = (context.next_plan.starts_at - self._ctx.now()).days
        boosts = context_boosts(context.anniversary_in_days, plan_days,
                                bool(context.on_this_day), context.days_since_last_note,
                                self._ctx.local_now(), context.birthday_in_days)
        rank = RankContext(self._category, boosts, tuple(context.recent_template_use.items()),
                           self._ctx.now())
        self.suggestions.set_context(rank, self.fill_values())

    def set_sharing(self, sharing: bool, partner_name: str) -> None:
        """Whether the two laptops share (then a note can go to the partner's LoveBridge)."""
        self._partner_name = partner_name if sharing else ""
        self.send_bar.set_sharing(sharing, partner_name)
        self.send_bar.partner_box.set_today(self._ctx.local_now().date())
        if sharing and self._settings.get(LAST_CHANNEL) == PARTNER and self._uuid is None:
            self.send_bar.set_channel(PARTNER)

    def _show_partner_status(self, record: MessageRecord | None) -> None:
        text = "" if record is None else sent_status_text(record, self._partner_name)
        if not text and self._reply_to:
            text = self.tr("A reply to {name}'s note").format(
                name=self._partner_name or self.tr("your partner"))
        self.partner_status.setText(text)
        self.partner_status.setVisible(bool(text))

    def fill_values(self) -> FillValues:
        context = self._context
        if context is None:
            return FillValues()
        memory = next((m for m in self._memories if m.uuid == self.memory_box.currentData()),
                      None)
        return fill_values(context.profile, self._writer, context.today or
                           self._ctx.local_now().date(), memory, context.next_plan,
                           spelling_for(QLocale().name()))

    def _memory_chosen(self, _index: int) -> None:
        self._memory_uuid = self.memory_box.currentData()
        self._mark_dirty()
        self._apply_context()

    # ---- opening notes -----------------------------------------------------------------------
    def new_note(self, category: str | None = None, memory_uuid: str | None = None,
                 occasion: str | None = None, reply_to: str | None = None) -> None:
        self.save_now()
        self._uuid, self._template_key, self._category = None, None, category
        self._reply_to = reply_to
        self.send_bar.partner_box.reset()
        if reply_to and self._partner_name:
            self.send_bar.set_channel(PARTNER)
        self._new_uuid = None
        self._dismissed = set()
        self._sent_channel = None
        self._memory_uuid = memory_uuid
        if memory_uuid:
            self.memory_box.setCurrentIndex(max(self.memory_box.findData(memory_uuid), 0))
        self._loading = True
        self.editor.clear()
        self.editor.document().clearUndoRedoStacks()
        self.private_box.setChecked(False)
        self._loading = False
        self._dirty = False
        self.occasion.setText(occasion or "")
        self.occasion.setVisible(bool(occasion))
        self.suggestions.set_category(category)
        self._apply_context()
        self._after_text_change()
        self.save_status.setText("")
        self._show_partner_status(None)
        self.editor.setFocus()

    def open_message(self, record: MessageRecord) -> None:
        self.save_now()
        self._uuid, self._template_key = record.uuid, record.template_key
        self._reply_to = record.reply_to
        self._new_uuid = None
        self.send_bar.partner_box.reset()
        self._dismissed = self._note_state.dismissed(record.uuid)
        self._category, self._memory_uuid = record.category, record.memory_uuid
        self._sent_channel = record.channel if record.status != "draft" else None
        self._loading = True
        if record.body_html:
            self.editor.setHtml(record.body_html)
        else:
            self.editor.clear()
        if self.editor.exact_text() != record.body_text:
            # Formatting could not carry every character; the words always win.
            self.editor.setPlainText(record.body_text)
        self.editor.document().clearUndoRedoStacks()
        self.private_box.setChecked(record.private)
        self._loading = False
        self._dirty = False
        self.occasion.hide()
        self.suggestions.set_category(record.category)
        self.send_bar.set_channel(record.channel)
        self.note_panel.set_style_json(record.style_json)
        if record.memory_uuid:
            self.memory_box.setCurrentIndex(max(self.memory_box.findData(record.memory_uuid), 0))
        self._apply_context()
        self._after_text_change()
        self.save_status.setText(self.tr("Opened"))
        self._show_partner_status(record)
        self.editor.setFocus()

    def current_uuid(self) -> str | None:
        return self._uuid

    # ---- editing -----------------------------------------------------------------------------
    def _text_changed(self) -> None:
        if self._loading:
            return
        self._mark_dirty()
        self._after_text_change()

    def _private_toggled(self, _checked: bool) -> None:
        if not self._loading:
            self._mark_dirty()

    def _mark_dirty(self) -> None:
        self._dirty = True
        self._quiet.start()

    def _after_text_change(self) -> None:
        text = self.editor.toPlainText()
        self.suggestions.set_query(text[-QUERY_TAIL:])  # what is being written now
        self.send_bar.show_counts(text)
        self._coach_timer.start()
        blanks = find_blanks(text)
        names = ", ".join(dict.fromkeys(b.label for b in blanks))
        self.blank_warning.setText(self.tr("Fill in the highlighted blanks before printing: {b}")
                                   .format(b=names))
        self.blank_warning.setVisible(bool(blanks))
        for button in (self.note_panel.print_button, self.note_panel.pdf_button,
                       self.note_panel.png_button):
            button.setEnabled(not blanks)
        values = self.fill_values()
        # The card gets the words with their bold and italic.
        self.note_panel.set_content(NoteContent(self.editor.marked_text(),
                                                recipient=values.partner, sender=values.me))

    def use_template(self, template: Template, filled: str, replace: bool) -> None:
        """Put a suggestion into the draft: at the cursor, or instead of everything."""
        cursor = self.editor.textCursor()
        if replace:
            cursor.select(QTextCursor.SelectionType.Document)
        elif cursor.position() > 0 and not cursor.hasSelection():
            before = self.editor.toPlainText()[:cursor.position()][-1:]
            if before and not before.isspace():
                filled = " " + filled
        cursor.insertText(filled)
        self.editor.setTextCursor(cursor)
        self._template_key = template.key
        if self._category is None:
            self._category = template.category
        self.editor.setFocus()

    def _into_suggestions(self) -> None:
        self.side_tabs.setCurrentIndex(0)  # the suggestions
        self.suggestions.focus_list()

    def _paste_capped(self, dropped: int) -> None:
        self.show_notice(self.tr(
            "That was more than a note can hold, so LoveBridge kept the first {max} characters "
            "and left out {n}. Everything else is just as it was.").format(
                max=f"{MAX_MESSAGE_CHARS:,}", n=f"{dropped:,}"))

    def show_notice(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.setVisible(bool(text))

    def _category_changed(self, category: str | None) -> None:
        self._category = category
        self._mark_dirty()
        self._coach_timer.start()

    def _channel_changed(self, channel: str) -> None:
        self._settings.set(LAST_CHANNEL, channel)
        self.send_bar.show_counts(self.editor.toPlainText())
        self._mark_dirty()
        self._coach_timer.start()

    def _overflow_changed(self, overflow: bool) -> None:
        self._card_overflow = overflow
        self._coach_timer.start()

    # ---- the coach ---------------------------------------------------------------------------
    def dismissed_rules(self) -> set[str]:
        return set(self._dismissed)

    def _dismiss_hint(self, rule: str) -> None:
        self.save_now()
        self._dismissed.add(rule)
        if self._uuid is not None:  # else written with the note's first save
            self._note_state.dismiss(self._uuid, {rule})
        self.run_coach()

    def run_coach(self) -> None:
        text = self.editor.toPlainText()
        profile = self._context.profile if self._context else None
        names = (profile.partner_a, profile.partner_b) if profile else ()
        hints = review(text, category=self._category, channel=self.send_bar.channel(),
                       card_overflow=self._card_overflow, names=names)
        dismissed = self.dismissed_rules()
        self.coach_bar.show_hints([h for h in hints if h.rule not in dismissed])

    def apply_rephrasing(self, hint: Hint) -> None:
        """Replace the accusing sentence with the offered "I feel…" version (undoable)."""
        text = self.editor.toPlainText()
        if not hint.rephrasing or hint.end > len(text):
            return
        cursor = self.editor.textCursor()
        cursor.setPosition(utf16_offset(text, hint.start))
        cursor.setPosition(utf16_offset(text, hint.end), QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(hint.rephrasing)
        self.editor.setTextCursor(cursor)
        self.run_coach()

    # ---- saving ------------------------------------------------------------------------------
    def _draft(self) -> Draft | None:
        """What the editor holds, to be saved; None for a new note with no words yet."""
        text = self.editor.exact_text()
        if not text.strip() and self._uuid is None:
            return None
        if self._uuid is None and self._new_uuid is None:
            # Chosen here, so a background save and a later one name the same new note.
            self._new_uuid = str(uuid.uuid4())
        return Draft(self._uuid or self._new_uuid, self._writer, self.editor.toHtml(), text,
                     self._category, self._sent_channel or self.send_bar.channel(),
                     self._template_key, self._memory_uuid, self.note_panel.style_json(),
                     private=self.private_box.isChecked(), reply_to=self._reply_to)

    def save_in_background(self) -> None:
        """The autosave: commit the changed draft off the GUI thread (one save at a time;
        what changes meanwhile is saved by the next)."""
        if not self._dirty or self._saver.busy:
            return
        draft = self._draft()
        if draft is not None and self._saver.save_later(draft):
            self._dirty = False  # set again by the next keystroke, or by a failure

    def save_now(self) -> bool:
        """Save the draft if it changed, at once (after a background save under way); on
        failure keep it in memory and retry later."""
        self._saver.wait()
        if not self._dirty:
            return True
        draft = self._draft()
        if draft is None:
            return True
        try:
            record = self._saver.save_now(draft)
        except Exception as exc:  # disk full, read-only folder, locked database: keep the words
            self._on_save_failed(exc)
            return False
        self._dirty = False
        self._after_save(record)
        return True

    def _on_background_saved(self, record: MessageRecord) -> None:
        self._after_save(record)
        if self._dirty:
            self._quiet.start()  # typed while it was saving

    def _on_save_failed(self, exc: Exception) -> None:
        logger.warning("draft save failed: %s", type(exc).__name__)
        self._dirty = True  # the words stay, and the next autosave tries again
        self._save_failed = True
        self.save_status.setText(self.tr("Not saved yet — your words are safe here, "
                                         "trying again shortly"))
        self.save_status.setProperty("muted", False)

    def _after_save(self, record: MessageRecord) -> None:
        if self._uuid is None and self._dismissed:  # dismissed before the first save
            self._note_state.dismiss(record.uuid, self._dismissed)
        self._uuid = record.uuid
        self._save_failed = False
        self.save_status.setProperty("muted", True)
        self.save_status.setText(self.tr("Saved"))
        self.saved.emit()

    # ---- sending on --------------------------------------------------------------------------
    def _ready_to_send(self, action: str) -> bool:
        """Words, no blanks left (unless only marked as given), and saved: else say why."""
        text = self.editor.toPlainText()
        if not text.strip():
            self.show_notice(self.tr("Write a few words first."))
            return False
        blanks = find_blanks(text)
        if blanks and action != "given":
            labels = ", ".join(dict.fromkeys(b.label for b in blanks))
            self.show_notice(self.tr("Before it goes out, fill in the highlighted blanks: {b}.")
                             .format(b=labels))
            return False
        if self._uuid is None:
            self._dirty = True
        if not self.save_now() or self._uuid is None:
            self.show_notice(self.tr("LoveBridge couldn't save the note just now, so it was not "
                                     "sent on. Your words are still here."))
            return False
        self.show_notice("")
        return True

    def send(self, action: str) -> None:
        if not self._ready_to_send(action):
            return
        text = self.editor.toPlainText()
        channel = self.send_bar.channel()
        if action == "copy":
            QGuiApplication.clipboard().setText(text)
            self._record(channel if channel in ("text", "messaging", "social") else "copy")
            self.save_status.setText(self.tr("Copied — paste it wherever you like"))
        elif action == "email":
            subject = self.tr("A note from {me}").format(me=self.fill_values().me or "me")
            url = QUrl.fromEncoded(mailto_url(subject, text).encode("ascii"))
            run_task(self.find_mail_program,
                     on_result=lambda found: self._alive() and self._hand_to_mail(found, url,
                                                                                  text),
                     on_error=lambda _exc: self._alive() and self._hand_to_mail(False, url,
                                                                                text))
        elif action == "qr":
            from lovebridge.ui.write.qr_dialog import QrDialog  # segno: only when a QR is asked

            dialog = QrDialog(text, self)
            self._dialogs.append(dialog)
            dialog.finished.connect(lambda _r, d=dialog: self._dialogs.remove(d))
            dialog.open()
            if dialog.shown:
                self._record("qr")
        elif action == "print":
            self.side_tabs.setCurrentIndex(1)
            self.note_panel.print_note()
        elif action == "image":
            path = self.choose_image_path("lovebridge-note.png")
            if path:
                self.note_panel.export_png(path if path.lower().endswith(".png") else
                                           path + ".png")
        elif action == "given":
            self._messages.mark_given(self._uuid)
            self.save_status.setText(self.tr("Marked as given ♥"))
            self.delivered.emit()

    def send_to_partner(self, opens_on: object = None) -> bool:
        """Send the note to the partner's LoveBridge (sealed until `opens_on` if given)."""
        private_notice = self.tr(
            "This note is marked “Private to me”, so it stays on this laptop and cannot be "
            "sent. Untick “Private to me” to send it.")
        if self.private_box.isChecked():
            self.show_notice(private_notice)
            return False
        if not self._ready_to_send("partner"):
            return False
        try:
            record = self._partner_notes.send(self._uuid, opens_on)  # type: ignore[arg-type]
        except (NotSharingError, PrivateNoteError, FromPartnerError, OpeningDayError) as exc:
            logger.info("note not sent to the partner: %s", type(exc).__name__)
            self.show_notice({
                NotSharingError: self.tr(
                    "Sharing with your partner's laptop is not set up yet (Preferences › "
                    "Sharing)."),
                PrivateNoteError: private_notice,
                FromPartnerError: self.tr(
                    "This note came from your partner; answer it with Reply instead."),
                OpeningDayError: self.tr(
                    "Pick a day after today to keep the note closed until."),
            }[type(exc)])
            return False
        self._sent_channel = PARTNER
        self.save_status.setText(self.tr("Sent — it reaches {name} with the next exchange")
                                 .format(name=self._partner_name or self.tr("your partner")))
        self._show_partner_status(record)
        self.delivered.emit()
        return True

    def _alive(self) -> bool:
        return shiboken6.isValid(self)

    def _hand_to_mail(self, found: bool, url: QUrl, text: str) -> None:
        """Open the mail program if the desktop has one; otherwise say so and offer Copy/Save.
        Only a note handed to a mail program is recorded as sent by e-mail."""
        if found and self.open_url(url):
            self._record("email")
            self.save_status.setText(self.tr("Handed to your mail program"))
            return
        dialog = NoMailDialog(text, self.choose_text_path, self)
        self._dialogs.append(dialog)

        def finished(_result: int) -> None:
            self._dialogs.remove(dialog)
            self.save_status.setText({
                "copied": self.tr("Copied — paste it into your e-mail"),
                "saved": self.tr("Saved as a text file — not sent yet"),
            }.get(dialog.outcome, self.tr("Not sent — no mail program")))
            dialog.deleteLater()

        dialog.finished.connect(finished)
        dialog.open()

    def _record(self, channel: str) -> None:
        self._sent_channel = channel  # how it actually went out wins over the planned channel
        if self._uuid:
            self._messages.record_sent(self._uuid, channel)
            self.delivered.emit()

    def _exported(self, kind: str, _path: str) -> None:
        if self._uuid is None:
            self._dirty = True
            self.save_now()
        if kind == "png":
            self._record("social" if self.send_bar.channel() == "social" else "image")
        elif kind == "print":
            self._record("print")
        else:  # a PDF kept on disk is saved, not yet printed or given
            self.save_status.setText(self.tr("Saved as a PDF — not marked as printed"))

    def _ask_image_path(self, suggested: str) -> str | None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.PicturesLocation)
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save the card as a picture"), str(Path(folder) / suggested),
            self.tr("PNG picture (*.png)"))
        return path or None

    def is_dirty(self) -> bool:
        return self._dirty
