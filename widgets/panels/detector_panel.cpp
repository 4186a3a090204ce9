#include "state/ui_format.h"
#include "panels/detector_panel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTableWidget>
#include <QVBoxLayout>

#include "core/util/format.h"
#include "state/session.h"

namespace poisonlab::gui {

namespace {

QDoubleSpinBox* doubleBox(double lo, double hi, double value, double step, int decimals,
                          const QString& name) {
  auto* b = new QDoubleSpinBox;
  b->setRange(lo, hi);
  b->setDecimals(decimals);
  b->setSingleStep(step);
  b->setValue(value);
  b->setObjectName(name);
  return b;
}

QString percent(double v) { return uiPercent(v); }

}  // namespace

DetectorPanel::DetectorPanel(Session* session, QWidget* parent)
    : QWidget(parent), session_(session) {
  setObjectName(QStringLiteral("detectorPanel"));
  auto* form = new QFormLayout;
  method_ = new QComboBox(this);
  method_->setObjectName(QStringLiteral("detectorMethod"));
  method_->addItem(tr("Spectral signatures"), int(DetectorMethod::Spectral));
  method_->addItem(tr("Activation clustering"), int(DetectorMethod::ActivationClustering));
  method_->addItem(tr("Influence functions"), int(DetectorMethod::Influence));
  method_->addItem(tr("Confident learning (label errors)"), int(DetectorMethod::ConfidentLearning));
  form->addRow(tr("Method"), method_);
  layer_ = new QComboBox(this);
  layer_->setObjectName(QStringLiteral("detectorLayer"));
  layer_->setEditable(true);
  layer_->setToolTip(
      tr("Empty: the method's default layer (spectral: the last block's input; "
         "clustering: the pooled penultimate layer; influence: fc)"));
  layer_->addItems({QString(), QStringLiteral("pool"), QStringLiteral("stage3"),
                    QStringLiteral("stage3.block1"), QStringLiteral("stage2"),
                    QStringLiteral("stage2.block0")});
  form->addRow(tr("Layer"), layer_);
  seed_ = new QSpinBox(this);
  seed_->setRange(0, 1'000'000);
  seed_->setObjectName(QStringLiteral("detectorSeed"));
  form->addRow(tr("Seed"), seed_);

  pages_ = new QStackedWidget(this);
  pages_->addWidget(buildSpectral());
  pages_->addWidget(buildClustering());
  pages_->addWidget(buildInfluence());
  pages_->addWidget(buildConfidentLearning());
  connect(method_, &QComboBox::currentIndexChanged, pages_, &QStackedWidget::setCurrentIndex);

  run_ = new QPushButton(tr("Run detector"), this);
  run_->setObjectName(QStringLiteral("runDetectorButton"));
  runAll_ = new QPushButton(tr("Run all four"), this);
  runAll_->setObjectName(QStringLiteral("runAllDetectorsButton"));
  runAll_->setToolTip(
      tr("Spectral signatures, activation clustering, classifier-layer influence and "
         "confident learning on the model's features, with their defaults, queued one "
         "after another"));
  connect(run_, &QPushButton::clicked, this, [this] { emit runRequested(request()); });
  connect(runAll_, &QPushButton::clicked, this, [this] {
    for (DetectorMethod m : {DetectorMethod::Spectral, DetectorMethod::ActivationClustering,
                             DetectorMethod::Influence, DetectorMethod::ConfidentLearning}) {
      DetectRequest r;
      r.method = m;
      r.spectral.seed = r.ac.seed = r.cl.seed = static_cast<std::uint64_t>(seed_->value());
      emit runRequested(r);
    }
  });
  auto* buttons = new QHBoxLayout;
  buttons->addWidget(run_);
  buttons->addWidget(runAll_);

  warning_ = new QLabel(this);
  warning_->setObjectName(QStringLiteral("attackWarning"));
  warning_->setWordWrap(true);
  warning_->setStyleSheet(QStringLiteral(
      "QLabel { background: #fff3cd; color: #664d03; border: 1px solid #e0b400; padding: 6px; }"));
  warning_->hide();

  results_ = new QTableWidget(0, 6, this);
  results_->setObjectName(QStringLiteral("detectorResults"));
  results_->setMinimumHeight(150);
  results_->setHorizontalHeaderLabels(
      {tr("Detector"), tr("Flagged"), tr("Precision"), tr("Recall"), tr("AUROC"), tr("Class")});
  results_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  results_->horizontalHeader()->setStretchLastSection(true);
  results_->verticalHeader()->hide();
  results_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  results_->setSelectionBehavior(QAbstractItemView::SelectRows);
  results_->setToolTip(
      tr("Precision, recall and AUROC use the ground truth: they say how well "
         "the detector did, and are never seen by it. Double-click to show."));
  connect(results_, &QTableWidget::cellDoubleClicked, this,
          [this](int row, int) { emit showRequested(results_->item(row, 0)->text()); });

  auto* layout = new QVBoxLayout(this);
  layout->addWidget(warning_);
  layout->addLayout(form);
  layout->addWidget(pages_);
  layout->addLayout(buttons);
  layout->addWidget(new QLabel(tr("Results of this run"), this));
  layout->addWidget(results_, 1);

  for (auto sig : {&Session::detectionsChanged, &Session::versionsChanged,
                   &Session::trainResultChanged, &Session::dataChanged})
    connect(session_, sig, this, &DetectorPanel::refresh);
  connect(session_, &Session::runDirChanged, this, &DetectorPanel::refresh);
  connect(session_, &Session::currentVersionChanged, this, &DetectorPanel::refresh);
  refresh();
}

QWidget* DetectorPanel::buildSpectral() {
  auto* w = new QWidget;
  auto* f = new QFormLayout(w);
  f->setContentsMargins(0, 0, 0, 0);
  eps_ = doubleBox(0.001, 1, 0.1, 0.01, 3, QStringLiteral("spectralEps"));
  eps_->setToolTip(
      tr("The assumed upper bound of the poison fraction of a class: the 1.5 eps n "
         "highest scores of each class are removed (Tran et al.)"));
  f->addRow(tr("eps"), eps_);
  percentile_ = doubleBox(0, 100, 0, 1, 1, QStringLiteral("spectralPercentile"));
  percentile_->setToolTip(tr("If above 0: flag the scores above this percentile instead"));
  f->addRow(tr("Percentile"), percentile_);
  pooled_ = new QCheckBox(tr("Pooled penultimate vector"), w);
  centred_ = new QCheckBox(tr("Centred (as in the paper)"), w);
  centred_->setChecked(true);
  f->addRow(pooled_);
  f->addRow(centred_);
  return w;
}

QWidget* DetectorPanel::buildClustering() {
  auto* w = new QWidget;
  auto* f = new QFormLayout(w);
  f->setContentsMargins(0, 0, 0, 0);
  reduce_ = new QComboBox(w);
  reduce_->addItem(QStringLiteral("PCA"), int(Reduction::Pca));
  reduce_->addItem(QStringLiteral("ICA"), int(Reduction::Ica));
  f->addRow(tr("Reduction"), reduce_);
  dims_ = new QSpinBox(w);
  dims_->setRange(2, 100);
  dims_->setValue(10);
  f->addRow(tr("Dimensions"), dims_);
  criterion_ = new QComboBox(w);
  criterion_->setObjectName(QStringLiteral("acCriterion"));
  criterion_->addItem(tr("Silhouette"), int(AcCriterion::Silhouette));
  criterion_->addItem(tr("Relative size"), int(AcCriterion::RelativeSize));
  criterion_->addItem(tr("Smaller cluster"), int(AcCriterion::Smaller));
  criterion_->addItem(tr("Distance"), int(AcCriterion::Distance));
  f->addRow(tr("Criterion"), criterion_);
  sizeThreshold_ = doubleBox(0.01, 0.5, 0.35, 0.05, 2, QStringLiteral("acSizeThreshold"));
  f->addRow(tr("Size threshold"), sizeThreshold_);
  silhouetteThreshold_ = doubleBox(-1, 1, 0.10, 0.05, 2, QStringLiteral("acSilhouetteThreshold"));
  f->addRow(tr("Silhouette threshold"), silhouetteThreshold_);
  reclassify_ = new QComboBox(w);
  reclassify_->setObjectName(QStringLiteral("acReclassify"));
  reclassify_->addItem(tr("None"), int(Reclassify::None));
  reclassify_->addItem(tr("Classifier (seconds)"), int(Reclassify::Classifier));
  reclassify_->addItem(tr("Full retrain (minutes)"), int(Reclassify::Full));
  reclassify_->setToolTip(
      tr("Exclusionary reclassification (Chen et al.): retrain without each class's smaller "
         "cluster and see where its samples go. Its verdict decides what is flagged."));
  f->addRow(tr("Reclassify"), reclassify_);
  reclassifyThreshold_ = doubleBox(0, 1, 0.5, 0.05, 2, QStringLiteral("acReclassifyThreshold"));
  f->addRow(tr("Reclassify threshold"), reclassifyThreshold_);
  return w;
}

QWidget* DetectorPanel::buildInfluence() {
  auto* w = new QWidget;
  auto* f = new QFormLayout(w);
  f->setContentsMargins(0, 0, 0, 0);
  influenceMode_ = new QComboBox(w);
  influenceMode_->setObjectName(QStringLiteral("influenceMode"));
  influenceMode_->addItem(tr("Classifier layer (exact)"), false);
  influenceMode_->addItem(tr("Network (HVP)"), true);
  f->addRow(tr("Mode"), influenceMode_);
  self_ = new QCheckBox(tr("Self-influence"), w);
  f->addRow(self_);
  normalize_ = new QComboBox(w);
  normalize_->addItem(tr("Gradient (renormalised)"), int(InfluenceNormalization::Gradient));
  normalize_->addItem(tr("Relative (RelatIF)"), int(InfluenceNormalization::Relative));
  normalize_->addItem(tr("None"), int(InfluenceNormalization::None));
  f->addRow(tr("Normalise"), normalize_);
  damping_ = doubleBox(0, 10, 0.01, 0.01, 4, QStringLiteral("influenceDamping"));
  f->addRow(tr("Damping"), damping_);
  flagTop_ = new QSpinBox(w);
  flagTop_->setRange(0, 50000);
  flagTop_->setSpecialValueText(tr("robust outliers"));
  f->addRow(tr("Flag top"), flagTop_);
  candidates_ = new QSpinBox(w);
  candidates_->setRange(0, 50000);
  candidates_->setValue(5000);
  candidates_->setSpecialValueText(tr("all"));
  f->addRow(tr("Candidates (network)"), candidates_);
  return w;
}

QWidget* DetectorPanel::buildConfidentLearning() {
  auto* w = new QWidget;
  auto* f = new QFormLayout(w);
  f->setContentsMargins(0, 0, 0, 0);
  clProbabilities_ = new QComboBox(w);
  clProbabilities_->setObjectName(QStringLiteral("clProbabilities"));
  clProbabilities_->addItem(tr("Probe on the model's features (a minute)"),
                            int(ClProbabilities::Features));
  clProbabilities_->addItem(tr("Cross-validated networks (K trainings)"),
                            int(ClProbabilities::CrossValidation));
  clProbabilities_->setToolTip(
      tr("Where the out-of-sample probabilities come from: K-fold logistic regression on the "
         "trained model's pooled features, or K networks trained with the run's recipe, each "
         "without the fold it predicts"));
  f->addRow(tr("Probabilities"), clProbabilities_);
  clFolds_ = new QSpinBox(w);
  clFolds_->setObjectName(QStringLiteral("clFolds"));
  clFolds_->setRange(2, 50);
  clFolds_->setValue(5);
  f->addRow(tr("Folds (K)"), clFolds_);
  return w;
}

DetectRequest DetectorPanel::request() const {
  DetectRequest r;
  r.method = static_cast<DetectorMethod>(method_->currentData().toInt());
  r.layer = layer_->currentText().trimmed().toStdString();
  const auto seed = static_cast<std::uint64_t>(seed_->value());
  r.spectral.eps = eps_->value();
  r.spectral.percentile = percentile_->value();
  r.spectral.centred = centred_->isChecked();
  r.spectral.seed = seed;
  r.pooledSpectral = pooled_->isChecked();
  r.ac.reduce = static_cast<Reduction>(reduce_->currentData().toInt());
  r.ac.dims = dims_->value();
  r.ac.criterion = static_cast<AcCriterion>(criterion_->currentData().toInt());
  r.ac.sizeThreshold = sizeThreshold_->value();
  r.ac.silhouetteThreshold = silhouetteThreshold_->value();
  r.ac.reclassify = static_cast<Reclassify>(reclassify_->currentData().toInt());
  r.ac.reclassifyThreshold = reclassifyThreshold_->value();
  r.ac.seed = seed;
  r.influence.network = influenceMode_->currentData().toBool();
  r.influence.self = self_->isChecked();
  r.influence.normalize = static_cast<InfluenceNormalization>(normalize_->currentData().toInt());
  r.influence.damping = damping_->value();
  r.influence.net.damping = damping_->value();
  r.influence.flagTop = static_cast<std::size_t>(flagTop_->value());
  r.influence.candidates = static_cast<std::size_t>(candidates_->value());
  r.cl.probabilities = static_cast<ClProbabilities>(clProbabilities_->currentData().toInt());
  r.cl.folds = clFolds_->value();
  r.cl.seed = seed;
  return r;
}

void DetectorPanel::setRequest(const DetectRequest& r) {
  method_->setCurrentIndex(method_->findData(int(r.method)));
  layer_->setCurrentText(QString::fromStdString(r.layer));
  eps_->setValue(r.spectral.eps);
  percentile_->setValue(r.spectral.percentile);
  centred_->setChecked(r.spectral.centred);
  pooled_->setChecked(r.pooledSpectral);
  reduce_->setCurrentIndex(reduce_->findData(int(r.ac.reduce)));
  dims_->setValue(r.ac.dims);
  criterion_->setCurrentIndex(criterion_->findData(int(r.ac.criterion)));
  sizeThreshold_->setValue(r.ac.sizeThreshold);
  silhouetteThreshold_->setValue(r.ac.silhouetteThreshold);
  reclassify_->setCurrentIndex(reclassify_->findData(int(r.ac.reclassify)));
  reclassifyThreshold_->setValue(r.ac.reclassifyThreshold);
  influenceMode_->setCurrentIndex(r.influence.network ? 1 : 0);
  self_->setChecked(r.influence.self);
  normalize_->setCurrentIndex(normalize_->findData(int(r.influence.normalize)));
  clProbabilities_->setCurrentIndex(clProbabilities_->findData(int(r.cl.probabilities)));
  clFolds_->setValue(r.cl.folds);
  damping_->setValue(r.influence.damping);
  flagTop_->setValue(static_cast<int>(r.influence.flagTop));
  candidates_->setValue(static_cast<int>(r.influence.candidates));
}

QString DetectorPanel::attackWarning() const {
  if (session_->attackTook()) return {};
  const EvalReport* e = session_->modelEvaluation();
  return tr("<b>The attack did not take in this model</b>: ASR %1, poisons fitted %2 (both "
            "below 50 %). The model has no backdoor for a detector to find, so a detector that "
            "scores the poisons low here says nothing about detecting a backdoor. Train longer "
            "or with a stronger trigger first.")
      .arg(percent(e->asr), percent(e->poisonFit));
}

void DetectorPanel::refresh() {
  const bool model = session_->current() != nullptr;
  run_->setEnabled(model);
  runAll_->setEnabled(model);
  run_->setToolTip(model ? QString() : tr("Train or open a run with a model first"));
  const QString w = attackWarning();
  warning_->setText(w);
  warning_->setVisible(!w.isEmpty());
  const auto& list = session_->detections();
  results_->setRowCount(list.size());
  const QStringList names = session_->classNames();
  for (int i = 0; i < list.size(); ++i) {
    const DetectionReport& d = *list[i];
    int cls = int(figureOf(d.figures, "attacked_class",
                           figureOf(d.figures, "reclassified_attacked_class",
                                    figureOf(d.figures, "most_separated_class", -1))));
    const QStringList cells{QString::fromStdString(d.name),
                            QString::number(d.overall.flagged),
                            percent(d.overall.precision),
                            percent(d.overall.recall),
                            QString::number(d.overall.auroc, 'f', 3),
                            cls >= 0 && cls < names.size() ? names[cls] : QStringLiteral("–")};
    for (int c = 0; c < cells.size(); ++c) {
      auto* item = new QTableWidgetItem(cells[c]);
      if (!d.attackTook)
        item->setToolTip(
            tr("The model this ran on had no working backdoor (ASR %1)").arg(percent(d.model.asr)));
      results_->setItem(i, c, item);
    }
  }
}

}  // namespace poisonlab::gui
