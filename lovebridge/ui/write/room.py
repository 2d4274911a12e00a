"""The Write room: a calm home (start a note, your rhythm, your notes) and the compose page."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from lovebridge.core.context import AppContext
from lovebridge.core.events import Change, kinds
from lovebridge.core.links import NoteRequest
from lovebridge.core.write.context import WritingContextService
from lovebridge.core.write.custom_templates import CustomTemplateService
from lovebridge.core.write.dictionary import PersonalDictionary, SpellWords
from lovebridge.core.write.messages import MessageService
from lovebridge.core.write.note_state import NoteStateService
from lovebridge.core.write.partner_notes import PartnerNotes
from lovebridge.core.write.placeholders import to_template_text
from lovebridge.core.write.rhythm import turn_hint, weekly_counts
from lovebridge.core.write.templates import (
    Category,
    Template,
    TemplateLibrary,
    load_categories,
    load_library,
)
from lovebridge.ui.common.flow_layout import flow_container
from lovebridge.ui.common.reflow_row import ReflowRow
from lovebridge.ui.common.widgets import card, heading, primary_button, scrolling
from lovebridge.ui.i18n import content_language
from lovebridge.ui.settings import CURRENT_PARTNER, Settings
from lovebridge.ui.tasks import run_task
from lovebridge.ui.theme import current_colours
from lovebridge.ui.write.coming_up import ComingUpCard
from lovebridge.ui.write.history import HistoryPanel
from lovebridge.ui.write.inbox import InboxCard
from lovebridge.ui.write.rhythm_card import RhythmCard
from lovebridge.ui.write.style import write_stylesheet

if TYPE_CHECKING:
    from lovebridge.ui.write.compose import ComposePage
    from lovebridge.ui.write.reader import NoteReader
    from lovebridge.ui.write.template_dialog import TemplateDialog

logger = logging.getLogger(__name__)

RHYTHM_WEEKS = 16
# What "Coming up" and the suggestions are drawn from (changed in other rooms, or by a sync).
CONTEXT_KINDS = {"plan", "plan_occurrence", "special_date", "profile", "inside_joke", "memory",
                 "check_in"}


class WriteRoom(QWidget):
    """Where a partner writes a note to the other."""

    def __init__(self, ctx: AppContext, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("writeRoom")
        self.setAccessibleName(self.tr("Write"))
        self._ctx = ctx
        self._settings = settings
        self.messages = MessageService(ctx.store, clock=ctx.now)
        self.partner_notes = PartnerNotes(ctx.store, clock=ctx.now)
        self._reader: NoteReader | None = None
        self._names: dict[str, str] = {}
        self.custom_templates = CustomTemplateService(ctx.store, clock=ctx.now)
        self.contexts = WritingContextService(ctx.store)
        self._adopt_legacy_note_state()
        self.dictionary = PersonalDictionary(ctx.store)
        # The home shows the kinds of note; their 500+ templates are read when a note opens.
        self._categories = load_categories(language=content_language())
        self._builtin_library: TemplateLibrary | None = None
        self._library: TemplateLibrary | None = None
        self._styled_dark = current_colours().dark
        self._dialogs: list[QWidget] = []
        self._compose: ComposePage | None = None
        self._apply_style()  # before the widgets exist: each is polished once, when it shows
        self.pages = QStackedWidget()
        self.home = scrolling(self._build_home())  # a short window scrolls, nothing squashed
        # The compose page (editor, suggestions, coach, the card preview and their modules)
        # is built the first time a note is opened: the room opens on its home.
        self.pages.addWidget(self.home)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)
        self.history.open_requested.connect(self.open_message)
        self.history.changed.connect(self.refresh_home)
        self._fill_category_buttons(self._categories)
        self._spelling_requested = False
        self.refresh_home()

    @property
    def compose(self) -> ComposePage:
        """The compose page, built (and wired) on first use."""
        if self._compose is None:
            from lovebridge.ui.write.compose import ComposePage

            compose = ComposePage(self._ctx, self._settings, self.messages)
            self._compose = compose
            self.pages.addWidget(compose)
            compose.back_requested.connect(self.show_home)
            compose.delivered.connect(self.refresh_home)
            compose.saved.connect(self.history.reload)
            compose.suggestions.save_template_requested.connect(self.save_as_template)
            compose.suggestions.edit_template_requested.connect(self.edit_template)
            compose.suggestions.delete_template_requested.connect(self.delete_template)
            compose.editor.add_word_requested.connect(self.add_to_dictionary)
            compose.writer_changed.connect(self.switch_writer)
            compose.set_library(self._full_library())
            compose.editor.highlighter.refresh_colours()
        return self._compose

    @property
    def reader(self) -> NoteReader:
        """The page that shows a conversation with the partner, built on first use."""
        if self._reader is None:
            from lovebridge.ui.write.reader import NoteReader

            self._reader = NoteReader()
            self.pages.addWidget(self._reader)
            self._reader.back_requested.connect(self.show_home)
            self._reader.reply_requested.connect(self.reply_to)
        return self._reader

    @property
    def _builtin(self) -> TemplateLibrary:
        """The shipped templates, read on first use."""
        if self._builtin_library is None:
            library = load_library(language=content_language())
            if library.problems:
                logger.warning("%d template file problem(s)", len(library.problems))
            self._builtin_library = library
            if library.categories != self._categories:  # a file the full read refused
                self._categories = library.categories
                self._fill_category_buttons(library.categories)
        return self._builtin_library

    def _full_library(self) -> TemplateLibrary:
        """The shipped templates and the couple's own."""
        if self._library is None:
            self._library = self._builtin.with_templates(self.custom_templates.list())
        return self._library

    # ---- home --------------------------------------------------------------------------------
    def _build_home(self) -> QWidget:
        home = QWidget()
        home.setObjectName("writeHome")
        outer = QVBoxLayout(home)
        outer.setContentsMargins(20, 24, 20, 20)
        outer.setSpacing(16)
        top = QHBoxLayout()
        top.addWidget(heading(self.tr("Write"), self.tr(
            "Little notes for each other — printed in a handwritten style or sent on.")), 1)
        self.new_note_button = primary_button(self.tr("Write a note"))
        self.new_note_button.setObjectName("newNote")
        self.new_note_button.clicked.connect(lambda: self.start_note(NoteRequest()))
        top.addWidget(self.new_note_button)
        outer.addLayout(top)
        # The notes go under the cards when the two cannot sit side by side.
        row = ReflowRow(12)
        left = QVBoxLayout()
        left.setSpacing(16)
        self.inbox_frame = card()
        inbox_layout = QVBoxLayout(self.inbox_frame)
        inbox_layout.setContentsMargins(18, 14, 18, 16)
        self.inbox = InboxCard()
        self.inbox.open_requested.connect(self.open_reader)
        inbox_layout.addWidget(self.inbox)
        self.inbox_frame.hide()
        left.addWidget(self.inbox_frame)
        start = card()
        start_layout = QVBoxLayout(start)
        start_layout.setContentsMargins(18, 14, 18, 16)
        title = QLabel(self.tr("What would you like to say?"))
        title.setObjectName("sectionTitle")
        title.setWordWrap(True)
        start_layout.addWidget(title)
        chips, self.category_grid = flow_container(8)
        start_layout.addWidget(chips)
        left.addWidget(start)
        rhythm = card()
        rhythm_layout = QVBoxLayout(rhythm)
        rhythm_layout.setContentsMargins(18, 14, 18, 16)
        self.rhythm_card = RhythmCard()
        rhythm_layout.addWidget(self.rhythm_card)
        left.addWidget(rhythm)
        coming = card()
        coming_layout = QVBoxLayout(coming)
        coming_layout.setContentsMargins(18, 14, 18, 16)
        self.coming_up = ComingUpCard()
        self.coming_up.note_requested.connect(self.start_note)
        coming_layout.addWidget(self.coming_up)
        left.addWidget(coming)
        left.addStretch(1)
        row.add_layout(left, 3)
        notes = card()
        notes_layout = QVBoxLayout(notes)
        notes_layout.setContentsMargins(18, 14, 18, 16)
        notes_title = QLabel(self.tr("Your notes"))
        notes_title.setObjectName("sectionTitle")
        notes_layout.addWidget(notes_title)
        self.history = HistoryPanel(self.messages)
        notes_layout.addWidget(self.history, 1)
        row.add_widget(notes, 2)
        outer.addWidget(row, 1)
        return home

    def _fill_category_buttons(self, categories: tuple[Category, ...]) -> None:
        while self.category_grid.count():
            item = self.category_grid.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.category_buttons: dict[str, QPushButton] = {}
        for category in categories:
            button = QPushButton(category.label)
            button.setObjectName(f"category-{category.key}")
            button.setProperty("chip", True)
            button.setToolTip(category.description)
            button.clicked.connect(
                lambda _c=False, key=category.key: self.start_note(NoteRequest(category=key)))
            self.category_grid.addWidget(button)
            self.category_buttons[category.key] = button

    def show_home(self) -> None:
        if self._compose is not None:
            self._compose.save_now()
        self.refresh_home()
        self.pages.setCurrentWidget(self.home)

    def refresh_home(self) -> None:
        """Rhythm and history, from the store."""
        writer = self._writer()
        context = self.contexts.load(self._ctx.now(), self._ctx.local_now().date(), writer)
        self.coming_up.show_context(context, self._ctx.now())
        profile = context.profile
        names = {"a": profile.partner_a, "b": profile.partner_b} if profile else {}
        self._names = names
        self.history.set_names(names)
        self.history.reload()
        self._refresh_inbox()
        delivered = self.messages.delivery_moments()
        weeks = weekly_counts([when for when, _author in delivered], self._ctx.local_now().date(),
                              RHYTHM_WEEKS)
        last = self.messages.last_given()
        if last is None:
            last_text = self.tr("No note given yet — the first one can be tiny.")
        else:
            days = (self._ctx.now() - (last.given_at or last.created_at)).days
            when = (self.tr("today") if days == 0 else self.tr("yesterday") if days == 1
                    else self.tr("{n} days ago").format(n=days))
            author = names.get(last.author, "")
            to = names.get("b" if last.author == "a" else "a", "")
            last_text = (self.tr("Last note given {when}, from {author} to {to}.")
                         .format(when=when, author=author, to=to) if author and to
                         else self.tr("Last note given {when}.").format(when=when))
        hint = turn_hint([author for _when, author in delivered], writer)
        partner = names.get(hint.partner, "") if hint else ""
        self.rhythm_card.show_rhythm(last_text, weeks, hint, partner)

    # ---- templates ---------------------------------------------------------------------------
    def _reload_library(self) -> None:
        """The couple's templates changed: the compose page ranks the new set."""
        self._library = None
        if self._compose is not None:
            self._compose.set_library(self._full_library())

    def save_as_template(self) -> None:
        text = to_template_text(self.compose.editor.toPlainText(), self.compose.fill_values())
        self._open_template_dialog(None, text, self.compose.suggestions.category())

    def edit_template(self, template: Template) -> None:
        self._open_template_dialog(template, template.text, template.category)

    def _open_template_dialog(self, template: Template | None, text: str,
                              category: str | None) -> TemplateDialog:
        from lovebridge.ui.write.template_dialog import TemplateDialog

        dialog = TemplateDialog(template, text, list(self._builtin.categories), category, self)

        def save(new_text: str, new_category: str) -> None:
            try:
                if template is None:
                    self.custom_templates.add(new_text, new_category, self._writer())
                else:
                    self.custom_templates.update(template.custom_uuid or "", new_text,
                                                 new_category)
            except ValueError as exc:
                dialog.show_error(str(exc))
                return
            dialog.accept()
            self._reload_library()

        dialog.saved.connect(save)
        self._dialogs.append(dialog)
        dialog.finished.connect(lambda _r: self._dialogs.remove(dialog))
        dialog.open()
        self.template_dialog = dialog
        return dialog

    def delete_template(self, template: Template) -> None:
        if template.custom_uuid:
            self.custom_templates.delete(template.custom_uuid)
            self._reload_library()
            if self._compose is not None:
                self._compose.show_notice(self.tr("Your template went to the trash."))

    # ---- notes -------------------------------------------------------------------------------
    def _writer(self) -> str:
        writer = self._settings.get(CURRENT_PARTNER)
        return writer if writer in ("a", "b") else "a"

    def _partner_name(self, person: str | None) -> str:
        if person is None:
            return ""
        return self._names.get("b" if person == "a" else "a", "")

    def _refresh_inbox(self) -> None:
        """"From <name>": what the partner sent to this laptop (hidden while not sharing)."""
        person = self.partner_notes.sharing_person()
        notes = self.partner_notes.inbox() if person else []
        self.inbox.show_notes(notes, self._partner_name(person))
        self.inbox_frame.setVisible(bool(notes))

    def open_reader(self, uuid: str) -> None:
        """Show the conversation the partner's note belongs to; opening it marks it read."""
        person = self.partner_notes.sharing_person()
        record = self.messages.get(uuid)
        if record is None:
            return
        if not record.sealed and self.partner_notes.is_received(uuid):
            self.partner_notes.mark_read(uuid)
        thread = self.partner_notes.thread(uuid)
        theirs = [r for r in thread if r.author != person and r.sent_to_partner_at is not None]
        answering = theirs[-1].uuid if theirs else uuid
        if self._compose is not None:
            self._compose.save_now()
        self.reader.show_thread(thread, person, self._names, answering)
        self.pages.setCurrentWidget(self.reader)
        self._refresh_inbox()

    def reply_to(self, uuid: str) -> None:
        """Begin the answer to the partner's note (it travels the same way, as a thread)."""
        self._load_context()
        self.compose.new_note(reply_to=uuid)
        self.pages.setCurrentWidget(self.compose)
        self._load_spelling()

    def _load_context(self, memory_uuid: str | None = None) -> None:
        context = self.contexts.load(self._ctx.now(), self._ctx.local_now().date(),
                                     self._writer(), memory_uuid)
        memories = self.contexts.memories.recent()
        for memory in reversed(context.on_this_day):
            if memory not in memories:
                memories.insert(0, memory)
        chosen = self.contexts.memories.get(memory_uuid)
        if chosen is not None and chosen not in memories:
            memories.insert(0, chosen)
        self.compose.set_context(context, memories)
        person = self.partner_notes.sharing_person()
        self.compose.set_sharing(person is not None, self._partner_name(person))

    def switch_writer(self, writer: str) -> None:
        """The other partner is at the keyboard: the note (and the next ones) are theirs."""
        self._settings.set(CURRENT_PARTNER, writer)
        self._load_context(self.compose.memory_uuid())
        self.compose.signed_by_new_writer()
        self.refresh_home()

    def start_note(self, request: NoteRequest) -> None:
        """Begin a new note as asked (a category, a memory to draw on, an occasion line)."""
        self._load_context(request.memory_uuid)
        self.compose.new_note(request.category, request.memory_uuid, request.occasion)
        self.pages.setCurrentWidget(self.compose)
        self._load_spelling()

    def open_message(self, uuid: str) -> None:
        record = self.messages.get(uuid)
        if record is None:
            return
        if record.sealed or self.partner_notes.is_received(uuid):
            self.open_reader(uuid)  # the partner's words are read here, not edited
            return
        self._load_context(record.memory_uuid)
        self.compose.open_message(record)
        self.pages.setCurrentWidget(self.compose)
        self._load_spelling()

    def _load_spelling(self) -> None:
        """Load the offline dictionary in the background, once; underline when it arrives."""
        if self._spelling_requested:
            return
        self._spelling_requested = True

        def work() -> object:
            from spellchecker import SpellChecker

            from lovebridge.core.write.coach import warm_up

            warm_up()  # the coach's lexicon and dictionary, before the first keystroke needs them
            return SpellWords(SpellChecker(), self.dictionary.words())

        run_task(work, on_result=self.compose.editor.highlighter.set_dictionary,
                 on_error=lambda _exc: logger.info("spell-checking unavailable"), owner=self)

    def add_to_dictionary(self, word: str) -> None:
        """Keep the word in the couple's dictionary (in the library) and stop flagging it."""
        try:
            kept = self.dictionary.add(word)
        except Exception as exc:  # a locked or full library: say so, the note is untouched
            logger.warning("dictionary word not saved: %s", type(exc).__name__)
            self.compose.show_notice(self.tr("That word could not be added to your "
                                             "dictionary just now."))
            return
        highlighter = self.compose.editor.highlighter
        words = highlighter.dictionary()
        if isinstance(words, SpellWords):
            words.add(kept)
        highlighter.rehighlight()

    # ---- lifetime ----------------------------------------------------------------------------
    def _apply_style(self) -> None:
        self.setStyleSheet(write_stylesheet(current_colours()))
        if self._compose is not None:
            self._compose.editor.highlighter.refresh_colours()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self._styled_dark != (
            current_colours().dark
        ):
            self._styled_dark = current_colours().dark
            self._apply_style()

    def _adopt_legacy_note_state(self) -> None:
        """Older versions kept dismissed hints per note in the settings file: move them into
        the database (encrypted, backed up, deleted with the note) and off the file."""
        legacy = self._settings.take_group("write/dismissed")
        if legacy:
            NoteStateService(self._ctx.store).adopt_legacy({
                uuid: {rule for rule in text.split(",") if rule}
                for uuid, text in legacy.items() if uuid != "new"
            })

    # ---- the shell's room protocol (lovebridge/ui/shell/rooms.py) -------------------------
    def shown(self) -> None:
        """Nothing to catch up on: changes arrive through `refresh` as they happen."""

    def refresh(self, changes: tuple[Change, ...]) -> None:
        """A plan, a date or a memory changed elsewhere: "Coming up" and suggestions follow;
        a hand kept in Preferences joins the note's handwriting list."""
        changed = kinds(changes)
        if "handwriting" in changed and self._compose is not None:
            self._compose.note_panel.relist_hands()
        if "message" in changed and not changed & CONTEXT_KINDS:
            self.history.reload()  # a note that came from the partner, or its read mark
            self._refresh_inbox()
        if not changed & CONTEXT_KINDS:
            return
        self.refresh_home()
        if self._compose is None:
            return  # built later, from the library as it is then
        memory_uuid = self._compose.memory_box.currentData()
        self._compose.update_context(self.contexts.load(
            self._ctx.now(), self._ctx.local_now().date(), self._writer(), memory_uuid))

    def about_to_close(self) -> None:
        """The last words are kept (on quit, and before a restore replaces the data)."""
        if self._compose is not None:
            self._compose.save_now()
