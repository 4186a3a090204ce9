#include "ui_format.h"
#include "comparison_view.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

#include "core/detect/detect.h"
#include "core/detect/detection_metrics.h"
#include "core/util/format.h"
#include "plot_export.h"
#include "qcustomplot.h"
#include "lazy_refresh.h"
#include "session.h"

namespace poisonlab::gui {

ComparisonView::ComparisonView(Session* session, QWidget* parent)
    : QWidget(parent), session_(session) {
  setObjectName(QStringLiteral("comparisonView"));
  scope_ = new QComboBox(this);
  scope_->setObjectName(QStringLiteral("comparisonScope"));
  roc_ = makePlot(this, QStringLiteral("rocCurves"), tr("ROC"), tr("false-positive rate"));
  roc_->yAxis->setLabel(tr("true-positive rate"));
  pr_ = makePlot(this, QStringLiteral("prCurves"), tr("Precision-recall"), tr("recall"));
  pr_->yAxis->setLabel(tr("precision"));
  for (QCustomPlot* p : {roc_, pr_}) {
    p->legend->setVisible(true);
    p->xAxis->setRange(0, 1);
    p->yAxis->setRange(0, 1.02);
    p->setInteractions(QCP::iRangeZoom | QCP::iRangeDrag);
  }
  roc_->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignBottom | Qt::AlignRight);
  pr_->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignBottom | Qt::AlignLeft);
  table_ = new QTableWidget(0, 9, this);
  table_->setObjectName(QStringLiteral("comparisonTable"));
  table_->setHorizontalHeaderLabels({tr("Detector"), tr("Samples"), tr("Poisons"), tr("Flagged"),
                                     tr("Precision"), tr("Recall"), tr("F1"), tr("AUROC"),
                                     tr("Avg. precision")});
  table_->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
  table_->verticalHeader()->hide();
  table_->setEditTriggers(QAbstractItemView::NoEditTriggers);

  auto* top = new QHBoxLayout;
  top->addWidget(new QLabel(tr("Scope"), this));
  top->addWidget(scope_);
  auto* note = new QLabel(tr("How well each detector did, against the ground truth (never seen "
                             "by a detector); over the samples the grid shows."),
                          this);
  note->setWordWrap(true);
  top->addWidget(note, 1);
  auto* plots = new QSplitter(Qt::Horizontal, this);
  plots->addWidget(roc_);
  plots->addWidget(pr_);
  auto* layout = new QVBoxLayout(this);
  layout->addLayout(top);
  layout->addWidget(plots, 3);
  layout->addWidget(table_, 1);

  connect(scope_, &QComboBox::currentIndexChanged, this, &ComparisonView::rebuild);
  auto* lazy = refreshOnResults(this, session_, [this] { rebuild(); });
  connect(session_, &Session::dataChanged, this, [this, lazy] {
    refreshScopes();
    lazy->request();
  });
  // A view made on a session that already holds a run shows it at once.
  refreshScopes();
  rebuild();
}

void ComparisonView::refreshScopes() {
  const QSignalBlocker block(scope_);
  scope_->clear();
  scope_->addItem(tr("overall"), -1);
  const QStringList names = session_->classNames();
  for (int c = 0; c < names.size(); ++c) scope_->addItem(names[c], c);
}

void ComparisonView::setDetectors(const QStringList& names) {
  only_ = names;
  rebuild();
}

void ComparisonView::setScope(int cls) {
  const int at = scope_->findData(cls);
  if (at >= 0) scope_->setCurrentIndex(at);
}

void ComparisonView::rebuild() {
  roc_->clearGraphs();
  pr_->clearGraphs();
  const int cls = scope_->currentData().isValid() ? scope_->currentData().toInt() : -1;
  const auto& list = session_->detections();
  table_->setRowCount(0);
  for (int i = 0; i < list.size(); ++i) {
    const DetectionReport& d = *list[i];
    if (!only_.isEmpty() && !only_.contains(QString::fromStdString(d.name))) continue;
    const int row = table_->rowCount();
    table_->insertRow(row);
    std::vector<double> scores;
    std::vector<std::uint8_t> flagged, poisoned;
    for (std::size_t k = 0; k < d.indices.size(); ++k) {
      if (cls >= 0 && d.labels[k] != cls) continue;
      if (!session_->isShown(int(d.indices[k]))) continue;
      scores.push_back(d.scores[k]);
      flagged.push_back(d.flagged[k]);
      poisoned.push_back(d.poisoned[k]);
    }
    const DetectionMetrics m = detectionMetrics(scores, flagged, poisoned);
    const QColor colour = seriesColour(i);
    const QString name = QString::fromStdString(d.name);
    auto addCurve = [&](QCustomPlot* p, const std::vector<CurvePoint>& pts, const QString& label) {
      QCPGraph* g = p->addGraph();
      g->setPen(QPen(colour, 2));
      g->setName(label);
      QVector<double> x, y;
      for (const auto& c : pts) {
        x << c.x;
        y << c.y;
      }
      g->setData(x, y, true);
    };
    addCurve(roc_, rocCurve(scores, poisoned),
             tr("%1 (AUROC %2)").arg(name).arg(m.auroc, 0, 'f', 3));
    addCurve(pr_, precisionRecallCurve(scores, poisoned),
             tr("%1 (AP %2)").arg(name).arg(m.averagePrecision, 0, 'f', 3));
    const QStringList cells{name,
                            QStringLiteral("%L1").arg(m.samples),
                            QStringLiteral("%L1").arg(m.poisons),
                            QStringLiteral("%L1").arg(m.flagged),
                            uiPercent(m.precision),
                            uiPercent(m.recall),
                            QString::number(m.f1, 'f', 3),
                            QString::number(m.auroc, 'f', 3),
                            QString::number(m.averagePrecision, 'f', 3)};
    for (int c = 0; c < cells.size(); ++c) table_->setItem(row, c, new QTableWidgetItem(cells[c]));
  }
  QCPGraph* chance = roc_->addGraph();
  chance->setPen(QPen(kGrey, 1, Qt::DashLine));
  chance->setData({0, 1}, {0, 1});
  chance->setName(tr("chance"));
  roc_->replot();
  pr_->replot();
}

}  // namespace poisonlab::gui
