#include "panels/unlearn_panel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QSlider>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QUndoStack>
#include <QVBoxLayout>

#include <cmath>

#include "core/util/format.h"
#include "plot/plot_export.h"
#include "plot/unlearning_plots.h"
#include "qcustomplot.h"
#include "state/session.h"
#include "state/ui_format.h"

namespace poisonlab::gui {

namespace {

QString percent(double v) { return uiPercent(v); }

// Sliders are logarithmic: position p stands for 10^(p / kPerDecade).
constexpr int kPerDecade = 100;
double fromSlider(int p) { return std::pow(10.0, double(p) / kPerDecade); }
int toSlider(double v) { return int(std::lround(std::log10(v) * kPerDecade)); }

QSlider* logSlider(double lo, double hi, double value, const QString& name) {
  auto* s = new QSlider(Qt::Horizontal);
  s->setObjectName(name);
  s->setRange(toSlider(lo), toSlider(hi));
  s->setValue(toSlider(value));
  s->setPageStep(kPerDecade / 4);
  return s;
}

}  // namespace

UnlearnPanel::UnlearnPanel(Session* session, QWidget* parent) : QWidget(parent), session_(session) {
  setObjectName(QStringLiteral("unlearnPanel"));
  headline_ = new QLabel(this);
  headline_->setObjectName(QStringLiteral("unlearnHeadline"));
  headline_->setWordWrap(true);
  headline_->setTextFormat(Qt::RichText);

  versions_ = UnlearningPlots::makeVersionsTable(this);
  versions_->setToolTip(tr("Double-click a version to make it current (undo: Ctrl+Z)"));
  connect(versions_, &QTableWidget::cellDoubleClicked, this,
          [this](int row, int) { session_->makeCurrent(row); });

  undo_ = new QPushButton(tr("Undo"), this);
  undo_->setObjectName(QStringLiteral("undoVersionButton"));
  redo_ = new QPushButton(tr("Redo"), this);
  redo_->setObjectName(QStringLiteral("redoVersionButton"));
  QUndoStack* stack = session_->undoStack();
  connect(undo_, &QPushButton::clicked, stack, &QUndoStack::undo);
  connect(redo_, &QPushButton::clicked, stack, &QUndoStack::redo);
  connect(stack, &QUndoStack::canUndoChanged, undo_, &QPushButton::setEnabled);
  connect(stack, &QUndoStack::canRedoChanged, redo_, &QPushButton::setEnabled);
  connect(stack, &QUndoStack::undoTextChanged, undo_, [this](const QString& t) {
    undo_->setToolTip(plainToolTip(tr("Undo %1 (Ctrl+Z)").arg(t)));
  });
  undo_->setEnabled(false);
  redo_->setEnabled(false);

  perClass_ = makePlot(this, QStringLiteral("perClassAccuracy"),
                       tr("Clean accuracy per class: original and current"));
  perClass_->yAxis->setLabel(tr("accuracy"));
  confusionBefore_ = makePlot(this, QStringLiteral("confusionOriginal"), tr("Original"));
  confusionAfter_ = makePlot(this, QStringLiteral("confusionCurrent"), tr("Current"));
  sweep_ = UnlearningPlots::makeSweep(this);
  auto* confusions = new QWidget(this);
  auto* cl = new QHBoxLayout(confusions);
  cl->addWidget(confusionBefore_);
  cl->addWidget(confusionAfter_);
  compare_ = new QTabWidget(this);
  compare_->setObjectName(QStringLiteral("unlearnCompareTabs"));
  compare_->addTab(perClass_, tr("Per class"));
  compare_->addTab(confusions, tr("Confusion matrices"));
  compare_->addTab(sweep_, tr("Sweep"));

  auto* results = new QWidget(this);
  auto* rl = new QVBoxLayout(results);
  rl->setContentsMargins(0, 0, 0, 0);
  rl->addWidget(headline_);
  auto* undoRow = new QHBoxLayout;
  undoRow->addWidget(new QLabel(tr("<b>Model versions</b> (▶ current)"), results));
  undoRow->addStretch(1);
  undoRow->addWidget(undo_);
  undoRow->addWidget(redo_);
  rl->addLayout(undoRow);
  rl->addWidget(versions_, 2);
  rl->addWidget(compare_, 3);

  auto* scroll = new QScrollArea(this);
  scroll->setWidget(buildControls());
  scroll->setWidgetResizable(true);
  scroll->setFrameShape(QFrame::NoFrame);
  scroll->setMinimumWidth(300);
  auto* split = new QSplitter(Qt::Horizontal, this);
  split->addWidget(scroll);
  split->addWidget(results);
  split->setStretchFactor(1, 1);
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(split);

  connect(session_, &Session::versionsChanged, this, &UnlearnPanel::refreshVersions);
  connect(session_, &Session::currentVersionChanged, this, &UnlearnPanel::refreshVersions);
  connect(session_, &Session::detectionsChanged, this, &UnlearnPanel::refreshForgetChoices);
  connect(session_, &Session::dataChanged, this, &UnlearnPanel::refreshForgetChoices);
  connect(session_->selection(), &SampleSelection::changed, this,
          &UnlearnPanel::refreshForgetChoices);
  refreshForgetChoices();
  refreshVersions();
}

QWidget* UnlearnPanel::buildControls() {
  auto* w = new QWidget;
  auto* layout = new QVBoxLayout(w);

  auto* forgetBox = new QGroupBox(tr("Forget set"), w);
  auto* ff = new QFormLayout(forgetBox);
  forget_ = new QComboBox(forgetBox);
  forget_->setObjectName(QStringLiteral("forgetSet"));
  fraction_ = new QDoubleSpinBox(forgetBox);
  fraction_->setObjectName(QStringLiteral("forgetFraction"));
  fraction_->setRange(0.01, 1);
  fraction_->setSingleStep(0.05);
  fraction_->setValue(0.1);
  fraction_->setToolTip(
      tr("A seeded fraction of the poisons: what a defender who found only "
         "part of them has"));
  ff->addRow(forget_);
  ff->addRow(tr("Fraction"), fraction_);
  connect(forget_, &QComboBox::currentIndexChanged, this, [this] {
    fraction_->setEnabled(forget_->currentData().toString() == QLatin1String("ground-truth:F"));
  });

  auto* ssdBox = new QGroupBox(tr("Selective Synaptic Dampening"), w);
  auto* sf = new QFormLayout(ssdBox);
  alpha_ = logSlider(0.1, 100, 10, QStringLiteral("alphaSlider"));
  lambda_ = logSlider(0.01, 10, 1, QStringLiteral("lambdaSlider"));
  alphaText_ = new QLabel(ssdBox);
  alphaText_->setTextFormat(Qt::PlainText);  // plain: it may show the user's names and paths
  lambdaText_ = new QLabel(ssdBox);
  lambdaText_->setTextFormat(Qt::PlainText);  // plain: it may show the user's names and paths
  alpha_->setToolTip(
      tr("Selection: dampen a parameter where its forget-set importance exceeds "
         "alpha times its importance on the whole training set"));
  lambda_->setToolTip(tr("Dampening: theta *= min(lambda I_full / I_forget, 1)"));
  auto* aRow = new QHBoxLayout;
  aRow->addWidget(alpha_, 1);
  aRow->addWidget(alphaText_);
  auto* lRow = new QHBoxLayout;
  lRow->addWidget(lambda_, 1);
  lRow->addWidget(lambdaText_);
  sf->addRow(tr("α"), aRow);
  sf->addRow(tr("λ"), lRow);
  live_ = new QCheckBox(tr("Apply when a slider is released"), ssdBox);
  live_->setObjectName(QStringLiteral("ssdLive"));
  sf->addRow(live_);
  applySsd_ = new QPushButton(tr("Apply SSD"), ssdBox);
  applySsd_->setObjectName(QStringLiteral("applySsdButton"));
  select_ = new QPushButton(tr("Choose α, λ honestly"), ssdBox);
  select_->setObjectName(QStringLiteral("selectSsdButton"));
  select_->setToolTip(
      tr("Pick alpha and lambda with held-out folds of the forget set and "
         "clean training images only: no test set, no ground truth (--select)"));
  auto* sRow = new QHBoxLayout;
  sRow->addWidget(applySsd_);
  sRow->addWidget(select_);
  sf->addRow(sRow);
  connect(alpha_, &QSlider::valueChanged, this, [this](int p) {
    alphaValue_ = fromSlider(p);
    updateSliderLabels();
  });
  connect(lambda_, &QSlider::valueChanged, this, [this](int p) {
    lambdaValue_ = fromSlider(p);
    updateSliderLabels();
  });
  auto apply = [this] { emit unlearnRequested(request(UnlearnMethod::Ssd), forgetSpec()); };
  connect(applySsd_, &QPushButton::clicked, this, apply);
  for (QSlider* s : {alpha_, lambda_})
    connect(s, &QSlider::sliderReleased, this, [this, apply] {
      if (live_->isChecked()) apply();
    });
  connect(select_, &QPushButton::clicked, this, [this] {
    emit unlearnRequested(request(UnlearnMethod::Ssd, /*select=*/true), forgetSpec());
  });
  updateSliderLabels();

  auto* otherBox = new QGroupBox(tr("For comparison"), w);
  auto* of = new QFormLayout(otherBox);
  retrain_ = new QPushButton(tr("Retrain without the forget set"), otherBox);
  retrain_->setObjectName(QStringLiteral("retrainButton"));
  retrain_->setToolTip(
      tr("Exact unlearning: the original recipe from scratch (as long as the "
         "original training)"));
  ftEpochs_ = new QSpinBox(otherBox);
  ftEpochs_->setRange(1, 100);
  ftEpochs_->setValue(2);
  ftLr_ = new QDoubleSpinBox(otherBox);
  ftLr_->setDecimals(4);
  ftLr_->setRange(0.0001, 1);
  ftLr_->setValue(0.02);
  finetune_ = new QPushButton(tr("Fine-tune on the retained set"), otherBox);
  finetune_->setObjectName(QStringLiteral("finetuneButton"));
  of->addRow(retrain_);
  of->addRow(tr("Epochs"), ftEpochs_);
  of->addRow(tr("Peak LR"), ftLr_);
  of->addRow(finetune_);
  connect(retrain_, &QPushButton::clicked, this,
          [this] { emit unlearnRequested(request(UnlearnMethod::Retrain), forgetSpec()); });
  connect(finetune_, &QPushButton::clicked, this,
          [this] { emit unlearnRequested(request(UnlearnMethod::Finetune), forgetSpec()); });

  auto* sweepBox = new QGroupBox(tr("Corrective sweep"), w);
  auto* wf = new QFormLayout(sweepBox);
  sweepFractions_ = new QLineEdit(QStringLiteral("0.1, 0.25, 0.5, 1"), sweepBox);
  sweepFractions_->setObjectName(QStringLiteral("sweepFractions"));
  sweepSsd_ = new QCheckBox(QStringLiteral("SSD"), sweepBox);
  sweepSsd_->setChecked(true);
  sweepFinetune_ = new QCheckBox(tr("fine-tune"), sweepBox);
  sweepRetrain_ = new QCheckBox(tr("retrain (slow)"), sweepBox);
  sweepRun_ = new QPushButton(tr("Run sweep"), sweepBox);
  sweepRun_->setObjectName(QStringLiteral("runSweepButton"));
  auto* mRow = new QHBoxLayout;
  mRow->addWidget(sweepSsd_);
  mRow->addWidget(sweepFinetune_);
  mRow->addWidget(sweepRetrain_);
  wf->addRow(tr("Fractions"), sweepFractions_);
  wf->addRow(tr("Methods"), mRow);
  wf->addRow(sweepRun_);
  connect(sweepRun_, &QPushButton::clicked, this, [this] {
    std::vector<double> fractions;
    for (const QString& part : sweepFractions_->text().split(QLatin1Char(','))) {
      bool ok = false;
      const double f = part.trimmed().toDouble(&ok);
      if (!ok || f <= 0 || f > 1) {
        sweepFractions_->setStyleSheet(QStringLiteral("QLineEdit { background: #fdd; }"));
        sweepFractions_->setToolTip(tr("Fractions: '%1' is not a number in (0, 1]").arg(part));
        return;
      }
      fractions.push_back(f);
    }
    sweepFractions_->setStyleSheet(QString());
    std::vector<UnlearnMethod> methods;
    if (sweepSsd_->isChecked()) methods.push_back(UnlearnMethod::Ssd);
    if (sweepFinetune_->isChecked()) methods.push_back(UnlearnMethod::Finetune);
    if (sweepRetrain_->isChecked()) methods.push_back(UnlearnMethod::Retrain);
    if (methods.empty() || fractions.empty()) return;
    emit sweepRequested(fractions, methods, request(UnlearnMethod::Ssd));
    compare_->setCurrentWidget(sweep_);
  });

  layout->addWidget(forgetBox);
  layout->addWidget(ssdBox);
  layout->addWidget(otherBox);
  layout->addWidget(sweepBox);
  layout->addStretch(1);
  return w;
}

void UnlearnPanel::updateSliderLabels() {
  alphaText_->setText(QString::number(alpha(), 'g', 3));
  lambdaText_->setText(QString::number(lambda(), 'g', 3));
}

double UnlearnPanel::alpha() const { return alphaValue_; }
double UnlearnPanel::lambda() const { return lambdaValue_; }

void UnlearnPanel::setAlpha(double a) {
  // The exact value (a slider position is only near it), shown and used as it is.
  const QSignalBlocker block(alpha_);
  alpha_->setValue(toSlider(a));
  alphaValue_ = a;
  updateSliderLabels();
}

void UnlearnPanel::setLambda(double l) {
  const QSignalBlocker block(lambda_);
  lambda_->setValue(toSlider(l));
  lambdaValue_ = l;
  updateSliderLabels();
}

void UnlearnPanel::refreshForgetChoices() {
  const QString keep = forget_->currentData().toString();
  const QSignalBlocker block(forget_);
  forget_->clear();
  forget_->addItem(tr("Every poison (ground truth)"), QStringLiteral("ground-truth"));
  forget_->addItem(tr("A fraction of the poisons"), QStringLiteral("ground-truth:F"));
  for (const auto& d : session_->detections())
    forget_->addItem(
        tr("Flagged by %1 (%L2)").arg(QString::fromStdString(d->name)).arg(d->overall.flagged),
        QStringLiteral("detector:") + QString::fromStdString(d->name));
  forget_->addItem(tr("The current selection (%L1)").arg(session_->selection()->size()),
                   QStringLiteral("selection"));
  forget_->setCurrentIndex(std::max(0, forget_->findData(keep)));
  fraction_->setEnabled(forget_->currentData().toString() == QLatin1String("ground-truth:F"));
}

QString UnlearnPanel::forgetSpec() const {
  const QString d = forget_->currentData().toString();
  if (d == QLatin1String("selection")) return {};
  if (d == QLatin1String("ground-truth:F"))
    return QStringLiteral("ground-truth:%1").arg(fraction_->value());
  return d;
}

void UnlearnPanel::setForget(const QString& spec) {
  if (spec.startsWith(QLatin1String("ground-truth:"))) {
    fraction_->setValue(spec.mid(13).toDouble());
    forget_->setCurrentIndex(forget_->findData(QStringLiteral("ground-truth:F")));
    return;
  }
  const int at = forget_->findData(spec);
  if (at >= 0) forget_->setCurrentIndex(at);
}

UnlearnRequest UnlearnPanel::request(UnlearnMethod method, bool select) const {
  UnlearnRequest r;
  r.method = method;
  r.ssd.alpha = alpha();
  r.ssd.lambda = lambda();
  r.select.enabled = select;
  r.finetune.epochs = ftEpochs_->value();
  r.finetune.lr = ftLr_->value();
  if (forgetSpec().isEmpty()) {
    const auto& sel = session_->selection()->indices();
    r.forget.indices.assign(sel.begin(), sel.end());
    r.forget.source = "selection";
  }
  return r;
}

QString UnlearnPanel::headline() const { return headline_->text(); }

void UnlearnPanel::refreshVersions() {
  const auto& list = session_->versions();
  const int current = session_->currentVersion();
  const EvalReport* original = !list.isEmpty() && list[0].eval ? &*list[0].eval : nullptr;
  UnlearningPlots::fillVersions(versions_, *session_);
  const bool model = !list.isEmpty();
  for (QPushButton* b : {applySsd_, select_, retrain_, finetune_, sweepRun_}) b->setEnabled(model);
  // Headline: the current version against the original.
  const ModelVersion* cur = session_->current();
  if (cur && cur->method == QLatin1String("ssd") && cur->alpha > 0 && cur->lambda > 0) {
    // The sliders show the current SSD version's settings (the honest selection's choice too).
    setAlpha(cur->alpha);
    setLambda(cur->lambda);
  }
  if (!cur || !cur->eval || !original) {
    headline_->setText(model ? QString() : tr("Train or open a run with a model to unlearn."));
  } else if (current == 0) {
    headline_->setText(tr("<b>Original model</b>: clean %1 · ASR %2 · mirrored %3. Unlearn a "
                          "forget set to compare.")
                           .arg(percent(original->cleanAcc), percent(original->asr),
                                percent(original->asrMirrored)));
  } else {
    headline_->setText(
        tr("<b>%1</b>: clean %2 (was %3) · <b>ASR %4</b> (was %5) · mirrored %6 (was %7) · "
           "forget set %L8 samples, %L9 poisons")
            .arg(cur->name.toHtmlEscaped(), percent(cur->eval->cleanAcc),
                 percent(original->cleanAcc), percent(cur->eval->asr), percent(original->asr),
                 percent(cur->eval->asrMirrored), percent(original->asrMirrored))
            .arg(cur->forgetSize)
            .arg(cur->forgetPoisons));
  }
  refreshComparison();
}

void UnlearnPanel::refreshComparison() {
  const auto& list = session_->versions();
  const int current = session_->currentVersion();
  const QStringList names = session_->classNames();
  perClass_->clearPlottables();
  confusionBefore_->clearPlottables();
  confusionAfter_->clearPlottables();
  // Per class and confusion: the original against the current version; a version without
  // per-class figures (a CLI record) is evaluated once, in the background.
  if (!list.isEmpty() && current >= 0) {
    for (int i : {0, current}) {
      const auto& e = list[i].eval;
      if ((!e || e->perClassAcc.empty()) && !asked_.contains(list[i].modelPath)) {
        asked_.insert(list[i].modelPath);
        emit evaluateRequested(i);
      }
    }
    auto* group = new QCPBarsGroup(perClass_);
    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    for (int c = 0; c < names.size(); ++c) ticker->addTick(c, names[c]);
    perClass_->xAxis->setTicker(ticker);
    perClass_->xAxis->setTickLabelRotation(45);
    int k = 0;
    for (int i : {0, current}) {
      if (k == 1 && i == 0) break;
      const auto& e = list[i].eval;
      if (!e || e->perClassAcc.empty()) {
        ++k;
        continue;
      }
      auto* bars = new QCPBars(perClass_->xAxis, perClass_->yAxis);
      bars->setName(list[i].name);
      bars->setBrush(k == 0 ? kBlue : kOrange);
      bars->setPen(Qt::NoPen);
      bars->setWidth(0.38);
      bars->setBarsGroup(group);
      for (std::size_t c = 0; c < e->perClassAcc.size(); ++c)
        bars->addData(double(c), e->perClassAcc[c]);
      drawConfusion(k == 0 ? confusionBefore_ : confusionAfter_, e->confusion, names,
                    tr("%1: clean confusion").arg(list[i].name));
      ++k;
    }
    perClass_->xAxis->setRange(-0.6, names.size() - 0.4);
    perClass_->yAxis->setRange(0, 1.05);
    // Which bars are which, in the title (a legend would cover the bars).
    setPlotTitle(perClass_, current == 0
                                ? tr("Clean accuracy per class: %1 (blue)").arg(list[0].name)
                                : tr("Clean accuracy per class: %1 (blue) and %2 (orange)")
                                      .arg(list[0].name, list[current].name));
  }
  perClass_->replot(QCustomPlot::rpQueuedReplot);

  // The sweep: every ground-truth forget set's version by method, against its poison fraction.
  UnlearningPlots::fillSweep(sweep_, *session_);
}

}  // namespace poisonlab::gui
