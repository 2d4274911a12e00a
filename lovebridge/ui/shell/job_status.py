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
        self.cancel_button.clicked.connect(self._cancel)
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
        # A job that cannot be stopped halfway says so rather than hiding its Cancel.
        self.cancel_button.setVisible(job.cancellable or bool(job.why_not_cancellable))
        self.cancel_button.setEnabled(job.cancellable)
        self.cancel_button.setToolTip("" if job.cancellable else job.why_not_cancellable)
        self.show()

    def _cancel(self) -> None:
        job = self._jobs.current
        if job is not None and job.cancellable:
            self._jobs.cancel(job)
            self.cancel_button.setEnabled(False)
            self.label.setText(self.tr("Stopping…"))

    def _progressed(self, job: Job, done: int, total: int) -> None:
        if job is self._jobs.current:
            self.bar.setRange(0, max(total, 1))
            self.bar.setValue(min(done, total))
