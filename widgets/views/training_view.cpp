#include "views/training_view.h"

#include <QGridLayout>
#include <cmath>
#include <QHBoxLayout>
#include <QLabel>
#include <QTabWidget>
#include <QVBoxLayout>

#include "plot/plot_export.h"
#include "plot/training_plots.h"
#include "qcustomplot.h"
#include "state/ui_format.h"

namespace poisonlab::gui {
namespace {

QLabel* bigNumber(QWidget* parent, const QString& name) {
  auto* l = new QLabel(QStringLiteral("–"), parent);
  l->setObjectName(name);
  QFont f = l->font();
  f.setPointSizeF(f.pointSizeF() * 2.2);
  f.setBold(true);
  l->setFont(f);
  return l;
}

QString percent(double f) { return uiPercent(f); }

QString duration(double seconds) {
  const int s = static_cast<int>(seconds + 0.5);
  return s >= 3600 ? QStringLiteral("%1:%2:%3")
                         .arg(s / 3600)
                         .arg(s / 60 % 60, 2, 10, QLatin1Char('0'))
                         .arg(s % 60, 2, 10, QLatin1Char('0'))
                   : QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
}

}  // namespace

TrainingView::TrainingView(QWidget* parent) : QWidget(parent) {
  setObjectName(QStringLiteral("trainingView"));
  clean_ = bigNumber(this, QStringLiteral("cleanAccuracy"));
  asr_ = bigNumber(this, QStringLiteral("attackSuccessRate"));
  time_ = bigNumber(this, QStringLiteral("trainingTime"));
  asrMirrored_ = new QLabel(this);
  asrMirrored_->setTextFormat(Qt::PlainText);  // plain: it may show the user's names and paths
  asrMirrored_->setObjectName(QStringLiteral("attackSuccessRateMirrored"));
  asrMirrored_->setToolTip(
      tr("The same with the trigger mirrored left-right (column 31 - c): a recipe that flips "
         "images trains on both orientations, so the backdoor may answer to both"));
  detail_ = new QLabel(this);
  detail_->setTextFormat(Qt::PlainText);  // plain: it may show the user's names and paths
  detail_->setObjectName(QStringLiteral("trainingDetail"));
  detail_->setWordWrap(true);
  detail_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  clean_->setToolTip(tr("Accuracy on the clean test set"));
  asr_->setToolTip(
      tr("Attack success rate: triggered source-class test images classified as the target"));
  auto* numbers = new QGridLayout;
  numbers->addWidget(new QLabel(tr("Clean accuracy (CTA)"), this), 0, 0);
  numbers->addWidget(clean_, 1, 0);
  numbers->addWidget(new QLabel(tr("Attack success rate (PTA)"), this), 2, 0);
  numbers->addWidget(asr_, 3, 0);
  numbers->addWidget(asrMirrored_, 4, 0);
  numbers->addWidget(new QLabel(tr("Training time"), this), 5, 0);
  numbers->addWidget(time_, 6, 0);
  numbers->addWidget(detail_, 7, 0);
  numbers->setRowStretch(8, 1);

  tabs_ = new QTabWidget(this);
  tabs_->setObjectName(QStringLiteral("trainingTabs"));
  plots_ = std::make_unique<TrainingPlots>(this);
  auto* curves = new QWidget(tabs_);
  auto* cl = new QHBoxLayout(curves);
  cl->setContentsMargins(0, 0, 0, 0);
  cl->addWidget(plots_->loss());
  cl->addWidget(plots_->accuracy());
  cl->addWidget(plots_->speed());
  tabs_->addTab(curves, tr("Curves"));

  auto* confusion = new QWidget(tabs_);
  auto* ql = new QHBoxLayout(confusion);
  ql->setContentsMargins(0, 0, 0, 0);
  ql->addWidget(plots_->confusion(false));
  ql->addWidget(plots_->confusion(true));
  tabs_->addTab(confusion, tr("Confusion matrices"));

  auto* layout = new QHBoxLayout(this);
  layout->addLayout(numbers);
  layout->addWidget(tabs_, 1);
  clear();
}

TrainingView::~TrainingView() = default;

void TrainingView::clear() {
  plots_->clear();
  clean_->setText(QStringLiteral("–"));
  asr_->setText(QStringLiteral("–"));
  asrMirrored_->clear();
  time_->setText(QStringLiteral("–"));
  detail_->setText(tr("No model trained yet."));
  epochs_ = 0;
}

void TrainingView::start(const QStringList& classNames, int epochs) {
  clear();
  plots_->start(classNames, epochs);
  epochs_ = epochs;
  detail_->setText(tr("Starting…"));
  tabs_->setCurrentIndex(0);
}

void TrainingView::addBatchLoss(double x, double loss) { plots_->addBatchLoss(x, loss); }

void TrainingView::setLive(const BatchStats& s, double elapsedSeconds) {
  time_->setText(duration(elapsedSeconds));
  detail_->setText(tr("Epoch %1 of %2, batch %3 of %4\n%L5 images/s · learning rate %6")
                       .arg(s.epoch)
                       .arg(epochs_)
                       .arg(s.batch)
                       .arg(s.batches)
                       .arg(s.imagesPerSecond, 0, 'f', 0)
                       .arg(s.lr, 0, 'g', 3));
}

void TrainingView::addEpoch(const EpochStats& e) {
  plots_->addEpoch(e);
  setHeadline(e.cleanAcc, e.asr, e.asrMirrored, e.elapsed, false);
  detail_->setText(tr("After epoch %1 of %2: loss %3, %L4 images/s")
                       .arg(e.epoch)
                       .arg(epochs_)
                       .arg(e.trainLoss, 0, 'f', 3)
                       .arg(e.imagesPerSecond, 0, 'f', 0));
}

int TrainingView::epochPoints() const { return plots_->epochPoints(); }

QCustomPlot* TrainingView::lossPlot() const { return plots_->loss(); }
QCustomPlot* TrainingView::accuracyPlot() const { return plots_->accuracy(); }
QCustomPlot* TrainingView::speedPlot() const { return plots_->speed(); }
QCustomPlot* TrainingView::confusionPlot(bool triggered) const {
  return plots_->confusion(triggered);
}

void TrainingView::finish(const TrainResult& r) {
  setHeadline(r.final.cleanAcc, r.final.asr, r.final.asrMirrored, r.wallSeconds, true);
  detail_->setText(tr("Finished: %1 epochs on %L2 images, %3, %4 threads%5\n"
                      "Poisons fitted: %6")
                       .arg(r.history.size())
                       .arg(r.trainImages)
                       .arg(QString::fromStdString(r.precisionUsed))
                       .arg(r.threads)
                       .arg(r.resumedFromEpoch
                                ? tr(", resumed after epoch %1").arg(r.resumedFromEpoch)
                                : QString())
                       .arg(percent(r.final.poisonFit)));
  plots_->finish(r);
}

void TrainingView::showResult(const QStringList& classNames, const TrainResult& r) {
  start(classNames, static_cast<int>(r.history.size()));
  for (const EpochStats& e : r.history) addEpoch(e);
  finish(r);
}

void TrainingView::setHeadline(double cleanAcc, double asr, double asrMirrored, double seconds,
                               bool final) {
  clean_->setText(percent(cleanAcc));
  asr_->setText(percent(asr));
  asrMirrored_->setText(
      tr("mirrored trigger: %1").arg(std::isnan(asrMirrored) ? tr("n/a") : percent(asrMirrored)));
  time_->setText(duration(seconds));
  const QString colour = final ? QString() : QStringLiteral("color: palette(mid);");
  for (QLabel* l : {clean_, asr_, time_}) l->setStyleSheet(colour);
}

}  // namespace poisonlab::gui
