#include "views/flip_view.h"

#include <QLabel>
#include <QVBoxLayout>

#include "plot/plot_export.h"
#include "qcustomplot.h"
#include "state/ui_format.h"

namespace poisonlab::gui {

FlipView::FlipView(QWidget* parent) : QWidget(parent) {
  setObjectName(QStringLiteral("flipView"));
  status_ = new QLabel(tr("No FLIP job yet: choose \"Label-only\" in the attack panel and "
                          "\"Compute FLIP labels\"."),
                       this);
  status_->setObjectName(QStringLiteral("flipStatus"));
  status_->setTextFormat(Qt::PlainText);
  status_->setWordWrap(true);
  plot_ = makePlot(this, QStringLiteral("flipLoss"), tr("Matching loss"), tr("Label passes"));
  installExportMenu(plot_, QStringLiteral("flip-matching-loss"));
  plot_->yAxis->setLabel(tr("Parameter distance (normalised)"));
  QCPGraph* batches = plot_->addGraph();
  batches->setName(tr("Each batch"));
  batches->setPen(QPen(kSky, 1));
  QCPGraph* passes = plot_->addGraph();
  passes->setName(tr("Mean of a pass"));
  passes->setPen(QPen(kVermillion, 2));
  passes->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, 7));
  plot_->legend->setVisible(true);
  legendBelow(plot_, 1);
  summary_ = new QLabel(this);
  summary_->setObjectName(QStringLiteral("flipSummary"));
  summary_->setTextFormat(Qt::PlainText);  // paths and names: never markup
  summary_->setWordWrap(true);
  summary_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  auto* l = new QVBoxLayout(this);
  l->addWidget(status_);
  l->addWidget(plot_, 1);
  l->addWidget(summary_);
}

void FlipView::start(int experts, int epochs, int passes) {
  experts_ = experts;
  epochs_ = epochs;
  passes_ = passes;
  for (int g = 0; g < plot_->graphCount(); ++g) plot_->graph(g)->data()->clear();
  plot_->xAxis->setRange(0, passes);
  plot_->replot();
  status_->setText(
      tr("Training %n expert(s) on the clean images plus the triggered source "
         "images…",
         "", experts));
  summary_->clear();
}

void FlipView::setExpertProgress(int expert, int epoch, double loss) {
  status_->setText(tr("Expert %1 of %2: epoch %3 of %4, loss %5")
                       .arg(expert)
                       .arg(experts_)
                       .arg(epoch)
                       .arg(epochs_)
                       .arg(loss, 0, 'f', 3));
}

void FlipView::setExpertDone(int expert, double cta, double pta) {
  status_->setText(tr("Expert %1 trained: clean accuracy %2, PTA %3 (a dirty-label expert "
                      "should be near 100 %). Matching the labels…")
                       .arg(expert)
                       .arg(uiPercent(cta))
                       .arg(uiPercent(pta)));
}

void FlipView::addBatch(double x, double loss) {
  plot_->graph(0)->addData(x, loss);
  plot_->graph(0)->rescaleValueAxis(false, true);
  plot_->yAxis->setRangeLower(0);
  plot_->replot(QCustomPlot::rpQueuedReplot);
}

void FlipView::addPass(int pass, double meanLoss) {
  plot_->graph(1)->addData(pass, meanLoss);
  status_->setText(
      tr("Pass %1 of %2: mean matching loss %3").arg(pass).arg(passes_).arg(meanLoss, 0, 'f', 4));
  plot_->replot(QCustomPlot::rpQueuedReplot);
}

void FlipView::finish(const QString& summary) { summary_->setText(summary); }

QString FlipView::statusText() const { return status_->text(); }
QString FlipView::summaryText() const { return summary_->text(); }
int FlipView::batchPoints() const { return plot_->graph(0)->dataCount(); }
int FlipView::passPoints() const { return plot_->graph(1)->dataCount(); }

}  // namespace poisonlab::gui
