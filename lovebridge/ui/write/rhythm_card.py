"""The rhythm card: the last note given, a calm weekly bar chart, and whose turn it might be."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from lovebridge.core.write.rhythm import TurnHint, WeekCount
from lovebridge.ui.theme import current_colours


class WeeklyBars(QWidget):
    """Soft rounded bars, one per week, no numbers: a picture of the rhythm, not a score.

    Time runs the way the language reads: this week at the right, or at the left in
    right-to-left."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rhythmChart")
        self.weeks: list[WeekCount] = []
        self.setMinimumHeight(64)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:
        return QSize(240, 72)

    def set_weeks(self, weeks: list[WeekCount]) -> None:
        self.weeks = list(weeks)
        self.setAccessibleDescription(self.tr("Notes per week over the last {n} weeks")
                                      .format(n=len(weeks)))
        self.update()

    def paintEvent(self, _event: object) -> None:
        if not self.weeks:
            return
        colours = current_colours()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        area = QRectF(self.rect()).adjusted(2, 4, -2, -6)
        slot = area.width() / len(self.weeks)
        peak = max(3, max(w.count for w in self.weeks))
        last = len(self.weeks) - 1
        for index, week in enumerate(self.weeks):
            place = last - index if self.isRightToLeft() else index
            x = area.left() + place * slot + slot * 0.2
            width = slot * 0.6
            height = max(4.0, area.height() * week.count / peak) if week.count else 4.0
            bar = QRectF(x, area.bottom() - height, width, height)
            path = QPainterPath()
            path.addRoundedRect(bar, min(width / 2, 5), min(width / 2, 5))
            colour = QColor(colours.accent if week.count else colours.border)
            if week.count and index < last:
                colour.setAlphaF(0.55)
            painter.fillPath(path, colour)
        painter.end()


class RhythmCard(QWidget):
    """The Write room's home card about the couple's rhythm of notes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rhythmCard")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        title = QLabel(self.tr("Your rhythm"))
        title.setObjectName("sectionTitle")
        layout.addWidget(title)
        self.last_note = QLabel()
        self.last_note.setObjectName("rhythmLastNote")
        self.last_note.setWordWrap(True)
        layout.addWidget(self.last_note)
        self.chart = WeeklyBars()
        layout.addWidget(self.chart)
        caption = QLabel(self.tr("Notes each week, the last few months"))
        caption.setProperty("muted", True)
        caption.setObjectName("rhythmCaption")
        caption.setWordWrap(True)
        layout.addWidget(caption)
        self.turn = QLabel()
        self.turn.setObjectName("rhythmTurn")
        self.turn.setWordWrap(True)
        self.turn.setAlignment(Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.turn)

    def show_rhythm(self, last_note: str, weeks: list[WeekCount], turn: TurnHint | None,
                    partner_name: str) -> None:
        self.last_note.setText(last_note)
        self.chart.set_weeks(weeks)
        if turn is None:
            self.turn.setText("")
        elif turn.kind == "their_turn":
            self.turn.setText(self.tr("You've written the last few — it might be {name}'s turn, "
                                      "and that's lovely too.").format(name=partner_name))
        else:
            self.turn.setText(self.tr("{name} has written the last few — maybe reply?")
                              .format(name=partner_name))
        self.turn.setVisible(turn is not None)
