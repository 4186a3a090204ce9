#include "plot/unlearning_plots.h"

#include <QHeaderView>
#include <QMap>
#include <QRegularExpression>
#include <QTableWidget>

#include <algorithm>
#include <cmath>

#include "plot/plot_export.h"
#include "qcustomplot.h"
#include "state/session.h"
#include "state/ui_format.h"

namespace poisonlab::gui {

QTableWidget* UnlearningPlots::makeVersionsTable(QWidget* parent) {
  auto* t = new QTableWidget(0, 9, parent);
  t->setObjectName(QStringLiteral("versionsTable"));
  t->setHorizontalHeaderLabels({QString(), tr("Version"), tr("Forget set"), tr("Clean"),
                                tr("Δ clean"), tr("ASR"), tr("ASR mirrored"), tr("α / λ"),
                                tr("Seconds")});
  t->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  t->horizontalHeader()->setStretchLastSection(true);
  // Result names are long ("ssd-ground-truth-0.1-selected-fit0.05-acc0.02"): elided in the
  // middle, whole in the tooltip.
  t->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Interactive);
  t->setColumnWidth(1, 220);
  t->setTextElideMode(Qt::ElideMiddle);
  t->verticalHeader()->hide();
  t->setEditTriggers(QAbstractItemView::NoEditTriggers);
  t->setSelectionBehavior(QAbstractItemView::SelectRows);
  t->setSelectionMode(QAbstractItemView::SingleSelection);
  return t;
}

void UnlearningPlots::fillVersions(QTableWidget* table, const Session& session) {
  const auto& list = session.versions();
  const int current = session.currentVersion();
  const EvalReport* original = !list.isEmpty() && list[0].eval ? &*list[0].eval : nullptr;
  table->setRowCount(list.size());
  for (int i = 0; i < list.size(); ++i) {
    const ModelVersion& v = list[i];
    const EvalReport* e = v.eval ? &*v.eval : nullptr;
    const double nan = std::nan("");
    const QStringList cells{
        i == current ? QStringLiteral("▶") : QString(),
        v.name,
        v.recordPath.isEmpty() ? tr("–")
                               : tr("%L1 (%L2 poisons)").arg(v.forgetSize).arg(v.forgetPoisons),
        uiPercent(e ? e->cleanAcc : nan),
        e && original ? tr("%1%2 pt", "percentage points")
                            .arg(e->cleanAcc >= original->cleanAcc ? "+" : "")
                            .arg(QStringLiteral("%L1").arg(100 * (e->cleanAcc - original->cleanAcc),
                                                           0, 'f', 2))
                      : QString(),
        uiPercent(e ? e->asr : nan),
        uiPercent(e ? e->asrMirrored : nan),
        v.method == QLatin1String("ssd")
            ? QStringLiteral("%1 / %2").arg(v.alpha, 0, 'g', 3).arg(v.lambda, 0, 'g', 3)
            : QString(),
        v.seconds > 0 ? QString::number(v.seconds, 'f', 1) : QString()};
    for (int c = 0; c < cells.size(); ++c) {
      auto* item = new QTableWidgetItem(cells[c]);
      item->setToolTip(plainToolTip(v.name));
      if (i == current) {
        QFont f = item->font();
        f.setBold(true);
        item->setFont(f);
      }
      table->setItem(i, c, item);
    }
  }
}

QCustomPlot* UnlearningPlots::makeSweep(QWidget* parent) {
  QCustomPlot* sweep =
      makePlot(parent, QStringLiteral("sweepPlot"),
               tr("Corrective sweep: ASR and clean accuracy against the poisons forgotten"),
               tr("fraction of the poisons in the forget set"));
  sweep->yAxis->setLabel(tr("rate"));
  // Below the axes, a column per line (ASR over clean accuracy): a sweep of several methods
  // and settings has more entries than room inside.
  legendBelow(sweep);
  return sweep;
}

void UnlearningPlots::fillSweep(QCustomPlot* sweep, const Session& session) {
  const auto& list = session.versions();
  sweep->clearGraphs();
  const double poisons = session.data() ? double(session.data()->poisonedIndices.size()) : 0;
  // One line per method and settings: the name without its forget set ("ssd-ground-truth-0.1-
  // a10-l1" is on the line "ssd-a10-l1"), so results with other settings stay apart.
  static const QRegularExpression forgetPart(QStringLiteral("-ground-truth(-[0-9.]+)?"));
  QMap<QString, QVector<QPair<double, const EvalReport*>>> byMethod;
  for (const ModelVersion& v : list)
    if (v.eval && !v.recordPath.isEmpty() && poisons > 0 && v.forgetPoisons == v.forgetSize)
      byMethod[QString(v.name).remove(forgetPart)].append({v.forgetPoisons / poisons, &*v.eval});
  // The original model (nothing forgotten) as grey reference lines.
  if (!list.isEmpty() && list[0].eval && !byMethod.isEmpty()) {
    const EvalReport& o = *list[0].eval;
    QCPGraph* a = sweep->addGraph();
    a->setName(tr("original: ASR"));
    a->setPen(QPen(kGrey, 1.5));
    a->setData({0, 1.05}, {o.asr, o.asr});
    QCPGraph* c = sweep->addGraph();
    c->setName(tr("original: clean accuracy"));
    c->setPen(QPen(kGrey, 1.5, Qt::DashLine));
    c->setData({0, 1.05}, {o.cleanAcc, o.cleanAcc});
  }
  int k = 0;
  for (auto it = byMethod.begin(); it != byMethod.end(); ++it, ++k) {
    auto pts = it.value();
    std::sort(pts.begin(), pts.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    QVector<double> x, asr, clean;
    for (const auto& [f, e] : pts) {
      x << f;
      asr << e->asr;
      clean << e->cleanAcc;
    }
    QCPGraph* g = sweep->addGraph();
    g->setName(tr("%1: ASR").arg(it.key()));
    g->setPen(QPen(seriesColour(k), 2));
    g->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, 6));
    g->setData(x, asr, true);
    QCPGraph* c = sweep->addGraph();
    c->setName(tr("%1: clean accuracy").arg(it.key()));
    c->setPen(QPen(seriesColour(k), 2, Qt::DashLine));
    c->setData(x, clean, true);
  }
  sweep->xAxis->setRange(0, 1.05);
  sweep->yAxis->setRange(0, 1.02);
  sweep->replot(QCustomPlot::rpQueuedReplot);
}

}  // namespace poisonlab::gui
