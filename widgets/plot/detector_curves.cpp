#include "plot/detector_curves.h"

#include <QHeaderView>
#include <QTableWidget>

#include "core/detect/detect.h"
#include "core/detect/detection_metrics.h"
#include "plot/plot_export.h"
#include "qcustomplot.h"
#include "state/session.h"
#include "state/ui_format.h"

namespace poisonlab::gui {

DetectorCurves::DetectorCurves(QWidget* parent) {
  roc_ = makePlot(parent, QStringLiteral("rocCurves"), tr("ROC"), tr("false-positive rate"));
  roc_->yAxis->setLabel(tr("true-positive rate"));
  pr_ = makePlot(parent, QStringLiteral("prCurves"), tr("Precision-recall"), tr("recall"));
  pr_->yAxis->setLabel(tr("precision"));
  for (QCustomPlot* p : {roc_, pr_}) {
    p->legend->setVisible(true);
    p->xAxis->setRange(0, 1);
    p->yAxis->setRange(0, 1.02);
    p->setInteractions(QCP::iRangeZoom | QCP::iRangeDrag);
  }
  roc_->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignBottom | Qt::AlignRight);
  pr_->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignBottom | Qt::AlignLeft);
  table_ = new QTableWidget(0, 9, parent);
  table_->setObjectName(QStringLiteral("comparisonTable"));
  table_->setHorizontalHeaderLabels({tr("Detector"), tr("Samples"), tr("Poisons"), tr("Flagged"),
                                     tr("Precision"), tr("Recall"), tr("F1"), tr("AUROC"),
                                     tr("Avg. precision")});
  table_->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
  table_->verticalHeader()->hide();
  table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
}

void DetectorCurves::show(const Session& session, const QStringList& only, int cls) {
  roc_->clearGraphs();
  pr_->clearGraphs();
  const auto& list = session.detections();
  table_->setRowCount(0);
  for (int i = 0; i < list.size(); ++i) {
    const DetectionReport& d = *list[i];
    if (!only.isEmpty() && !only.contains(QString::fromStdString(d.name))) continue;
    const int row = table_->rowCount();
    table_->insertRow(row);
    std::vector<double> scores;
    std::vector<std::uint8_t> flagged, poisoned;
    for (std::size_t k = 0; k < d.indices.size(); ++k) {
      if (cls >= 0 && d.labels[k] != cls) continue;
      if (!session.isShown(int(d.indices[k]))) continue;
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
