"""The status bar's one place for long work: what runs, how far it got, and Cancel."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from lovebridge.ui.shell.jobs import Job, JobQueue


class JobStatus(QWidget):
    """Shows the job queue's running job; hidden while nothing runs."""

    def __init__(self, jobs: JobQueue, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("jobStatus")
        self._jobs = jobs
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel()
        self.label.setObjectName("jobTitle")
        self.bar = QProgressBar()
        self.bar.setObjectName("jobProgress")
        self.bar.setMaximumWidth(160)
        self.bar.setTextVisible(False)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setObjectName("jobCancel")
        self.cancel_button.clicked.connect(lambda: jobs.cancel())
        row.addWidget(self.label)
        row.addWidget(self.bar)
        row.addWidget(self.cancel_button)
        jobs.started.connect(self._started)
        jobs.progressed.connect(self._progressed)
        jobs.busy_changed.connect(lambda busy: self.setVisible(busy))
        self.hide()

    def _started(self, job: Job) -> None:
        waiting = len(self._jobs.pending())
        self.label.setText(job.title if not waiting else self.tr("{title} (then {n} more)")
                           .format(title=job.title, n=waiting))
        self.bar.setRange(0, 0)  # busy until the first figure arrives
        self.cancel_button.setVisible(job.cancellable)
        self.show()

    def _progressed(self, job: Job, done: int, total: int) -> None:
        if job is self._jobs.current:
            self.bar.setRange(0, max(total, 1))
            self.bar.setValue(min(done, total))
