"""Settings › Privacy: the school's retention years per kind of record, and deleting the children whose
retention ended (deletion certificates written, older backups removed)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.domain import privacy as rules
from app.reports.privacy import write_certificates
from app.services import privacy
from app.services.context import ServiceContext
from app.ui.i18n import format_date
from app.ui.labels import RECORD_KINDS, label
from app.ui.pages.settings_admin import SettingsHost
from app.ui.pages.student_tabs_core import fill_table, make_table


def purge_and_certify(ctx: ServiceContext) -> tuple[privacy.PurgeResult, list[str]]:
    """The purge and its certificates, on the worker thread (certificates go to the data folder's exports)."""
    paths = ctx.store.paths
    result = privacy.purge(ctx, paths)
    made = write_certificates(result, paths.export_dir / "deletion-certificates")
    return result, [str(p) for p in made]


class PrivacyTab(QWidget):
    def __init__(self, host: SettingsHost) -> None:
        super().__init__()
        self.host = host
        self.session = host.session
        self.years: dict[str, QSpinBox] = {}
        form = QFormLayout()
        # The year boxes at their own width, as the other Settings forms (they ran across the whole window).
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        for kind in rules.KINDS:
            box = QSpinBox(self)
            box.setRange(1, rules.MAX_YEARS)
            box.setSuffix(self.tr(" years after leaving"))
            box.setAccessibleName(label(RECORD_KINDS, kind))
            self.years[kind] = box
            form.addRow(label(RECORD_KINDS, kind), box)
        self.save_button = QPushButton(self.tr("&Save retention"), self)
        self.save_button.clicked.connect(self.save)
        self.table = make_table(
            [self.tr("Student code"), self.tr("Left on"), self.tr("Records due for deletion")],
            self.tr("Children whose retention has ended"),
        )
        self.purge_button = QPushButton(self.tr("&Delete records whose retention ended…"), self)
        self.purge_button.clicked.connect(self.purge)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(self.tr("How long each kind of record is kept after a child leaves the programme:"))
        )
        layout.addLayout(form)
        layout.addLayout(row)
        layout.addWidget(QLabel(self.tr("Children whose retention has ended:")))
        layout.addWidget(self.table, 1)
        layout.addWidget(self.purge_button)

    def reload(self) -> None:
        self.session.read(privacy.retention, on_done=self._show_years, on_error=self.host.show_error)
        self.session.read(privacy.due, on_done=self._show_due, on_error=self.host.show_error)

    def _show_years(self, years: dict[str, int]) -> None:
        for kind, box in self.years.items():
            box.setValue(years[kind])

    def _show_due(self, rows: list[privacy.Due]) -> None:
        fill_table(
            self.table,
            [
                (
                    d.student_id,
                    [d.code, format_date(d.left_on), "、".join(label(RECORD_KINDS, k) for k in d.kinds)],
                )
                for d in rows
            ],
        )
        self.purge_button.setEnabled(bool(rows))

    def save(self) -> None:
        values = {kind: box.value() for kind, box in self.years.items()}
        self.session.write(
            privacy.set_retention, values, on_done=lambda _r: self._saved(), on_error=self.host.show_error
        )

    def _saved(self) -> None:
        self.host.saved()
        self.reload()

    def purge(self) -> None:
        count = self.table.rowCount()
        reply = QMessageBox.question(
            self,
            self.tr("Delete records for good?"),
            self.tr(
                "The records listed for {count} child(ren) are deleted for good, with their photos and exchange "
                "state. A new backup is made and every older backup (they hold these records) is removed."
            ).format(count=count),
        )
        if reply != QMessageBox.StandardButton.Yes:
            return
        self.session.write(purge_and_certify, on_done=self._purged, on_error=self.host.show_error)

    def _purged(self, done: tuple[privacy.PurgeResult, list[str]]) -> None:
        result, certificates = done
        QMessageBox.information(
            self,
            self.tr("Records deleted"),
            self.tr(
                "Deleted the records of {count} child(ren). Deletion certificates:\n{files}\n\n"
                "Backups removed: {removed}. Copies made elsewhere (dumps, exported files, laptops) are not "
                "reached: delete them too."
            ).format(
                count=len(result.certificates),
                files="\n".join(certificates),
                removed=len(result.backups_removed),
            ),
        )
        self.reload()
