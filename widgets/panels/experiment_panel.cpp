#include "panels/experiment_panel.h"

#include "state/experiment_model.h"

#include <QColorDialog>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <climits>
#include <cmath>

#include "state/sample_image.h"
#include "plot/pixel_view.h"

namespace poisonlab::gui {
namespace {

void markInvalid(QWidget* w, bool invalid, const QString& why) {
  w->setProperty("invalid", invalid);
  w->setStyleSheet(invalid ? QStringLiteral("border: 2px solid #c0392b; border-radius: 3px;")
                           : QString());
  // An invalid field shows why; a valid one its own help (kept in the "help" property).
  w->setToolTip(invalid ? why : w->property("help").toString());
}

}  // namespace

ExperimentPanel::ExperimentPanel(QWidget* parent)
    : QWidget(parent), model_(new ExperimentModel(this)) {
  setObjectName(QStringLiteral("experimentPanel"));
  auto* inner = new QWidget;
  auto* v = new QVBoxLayout(inner);
  v->addWidget(buildData());
  v->addWidget(buildTrigger());
  v->addWidget(buildPoison());
  v->addWidget(buildTraining());
  v->addStretch(1);
  auto* scroll = new QScrollArea(this);
  scroll->setWidget(inner);
  scroll->setWidgetResizable(true);
  scroll->setFrameShape(QFrame::NoFrame);
  scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  scroll->setMinimumWidth(inner->minimumSizeHint().width() +
                          scroll->verticalScrollBar()->sizeHint().width() + 6);

  apply_ = new QPushButton(tr("Apply poison"), this);
  apply_->setObjectName(QStringLiteral("applyPoisonButton"));
  apply_->setToolTip(tr("Poison the data set with these trigger and poison settings (new run)"));
  train_ = new QPushButton(tr("Train"), this);
  train_->setObjectName(QStringLiteral("trainButton"));
  train_->setToolTip(tr("Train the model on the poisoned data in the background"));
  train_->setDefault(true);
  connect(apply_, &QPushButton::clicked, this, &ExperimentPanel::applyPoisonRequested);
  connect(train_, &QPushButton::clicked, this, &ExperimentPanel::trainRequested);
  auto* buttons = new QHBoxLayout;
  buttons->addWidget(apply_);
  buttons->addWidget(train_);
  auto* outer = new QVBoxLayout(this);
  outer->setContentsMargins(0, 0, 0, 4);
  outer->addWidget(scroll, 1);
  outer->addLayout(buttons);

  connect(model_, &ExperimentModel::changed, this, &ExperimentPanel::pullFromModel);
  pullFromModel();
  setDataset(nullptr);
}

void ExperimentPanel::watch(QWidget* field) {
  if (auto* s = qobject_cast<QSpinBox*>(field))
    connect(s, &QSpinBox::valueChanged, this, [this] { pushToModel(); });
  else if (auto* d = qobject_cast<QDoubleSpinBox*>(field))
    connect(d, &QDoubleSpinBox::valueChanged, this, [this] { pushToModel(); });
  else if (auto* c = qobject_cast<QComboBox*>(field))
    connect(c, &QComboBox::currentIndexChanged, this, [this] { pushToModel(); });
}

void ExperimentPanel::triggerTypeChanged() {
  if (loading_) return;
  // A new type starts from that type's defaults (pixel 1x1; patch 3x3 checkerboard; blend
  // full-image noise at 0.2); the colour the user chose is kept.
  TriggerSpec t = TriggerSpec::defaults(static_cast<TriggerType>(type_->currentIndex()));
  t.color = {colourValue_.red(), colourValue_.green(), colourValue_.blue()};
  setTrigger(t);
}

void ExperimentPanel::chooseColour() {
  const QColor c = QColorDialog::getColor(colourValue_, this, tr("Trigger colour"));
  if (!c.isValid()) return;
  TriggerSpec t = trigger();
  t.color = {c.red(), c.green(), c.blue()};
  setTrigger(t);
}

void ExperimentPanel::setDataset(std::shared_ptr<const PoisonedDataset> data) {
  // Labels read for another data set do not apply to this one (an opened label-only run
  // brings its own back through its poison).
  if (!data || !data_ || data->clean != data_->clean) {
    imported_.reset();
    importError_.clear();
    labelSummary_->clear();
  }
  data_ = std::move(data);
  loading_ = true;
  for (QComboBox* box : {source_, target_}) {
    box->clear();
    if (data_)
      for (std::size_t c = 0; c < data_->classNames().size(); ++c)
        box->addItem(
            QStringLiteral("%1 %2").arg(c).arg(QString::fromStdString(data_->classNames()[c])));
    box->setCurrentIndex(box == source_ ? pendingSource_ : pendingTarget_);
  }
  loading_ = false;
  model_->setDataset(data_ ? data_->clean : nullptr);
  if (data_) {
    dataSource_->setText(tr("%1\n%L2 training, %L3 test images")
                             .arg(QString::fromStdString(data_->clean->source))
                             .arg(data_->clean->train.count())
                             .arg(data_->clean->test.count()));
    setTrigger(data_->trigger);
    setPoison(data_->spec);
  } else {
    dataSource_->setText(
        tr("No data set loaded: open the CIFAR-10 archive or a folder, or "
           "download it."));
    validate();
  }
}

void ExperimentPanel::setTrigger(const TriggerSpec& t) { model_->setTrigger(t); }

void ExperimentPanel::setPoison(const PoisonSpec& p) {
  pendingSource_ = p.source;
  pendingTarget_ = p.target;
  model_->setPoison(p);
}

void ExperimentPanel::setTraining(const TrainConfig& c) { model_->setTraining(c); }

TriggerSpec ExperimentPanel::trigger() const { return model_->trigger(); }

PoisonSpec ExperimentPanel::poison() const { return model_->poison(); }

TrainConfig ExperimentPanel::training() const { return model_->training(); }

void ExperimentPanel::pullFromModel() {
  loading_ = true;
  const TriggerSpec& t = model_->trigger();
  type_->setCurrentIndex(static_cast<int>(t.type));
  pattern_->setCurrentIndex(static_cast<int>(t.pattern));
  row_->setValue(t.row);
  col_->setValue(t.col);
  size_->setValue(t.size);
  opacity_->setValue(t.opacity);
  colourValue_ = QColor(t.color[0], t.color[1], t.color[2]);
  QPixmap swatch(16, 16);
  swatch.fill(colourValue_);
  colour_->setIcon(QIcon(swatch));
  colour_->setText(QStringLiteral("(%1, %2, %3)").arg(t.color[0]).arg(t.color[1]).arg(t.color[2]));
  const PoisonSpec& p = model_->poison();
  source_->setCurrentIndex(p.source);
  target_->setCurrentIndex(p.target);
  amountMode_->setCurrentIndex(p.rate > 0 ? 1 : 0);
  count_->setVisible(p.rate <= 0);
  rate_->setVisible(p.rate > 0);
  count_->setValue(p.count);
  rate_->setValue(p.rate > 0 ? 100 * p.rate : 1.0);
  poisonSeed_->setValue(static_cast<int>(std::min<std::uint64_t>(p.seed, INT_MAX)));
  // A label-only poison (an opened run's, a what-if's) shows its file and flip counts.
  attack_->setCurrentIndex(p.labelOnly() ? 1 : 0);
  stampRows_->setVisible(!p.labelOnly());
  labelRows_->setVisible(p.labelOnly());
  if (p.labelOnly() && p.labelsFrom && model_->dataset() &&
      p.labels.size() == model_->dataset()->train.count() &&
      (!imported_ || imported_->labels != p.labels)) {
    auto lp = std::make_shared<LabelPoison>();
    lp->labels = p.labels;
    lp->from = *p.labelsFrom;
    lp->flips = flipCounts(model_->dataset()->train.labels, p.labels);
    for (const auto& f : lp->flips) lp->flipped += f.count;
    setLabelImport(lp);
    labelFile_->setText(QString::fromStdString(p.labelsFrom->file));
    labelOrder_->setText(QString::fromStdString(p.labelsFrom->orderFile));
  }
  const TrainConfig& c = model_->training();
  arch_->setCurrentText(QString::fromStdString(c.model.arch));
  width_->setValue(c.model.width);
  epochs_->setValue(c.epochs);
  batch_->setValue(c.batchSize);
  lr_->setValue(c.lr);
  smoothing_->setValue(c.labelSmoothing);
  smallCrops_->setValue(static_cast<int>(std::lround(100 * c.smallCropsUntil)));
  augment_->setCurrentIndex(static_cast<int>(c.augment));
  precision_->setCurrentIndex(static_cast<int>(c.precision));
  const int device = device_->findData(QString::fromStdString(c.device));
  device_->setCurrentIndex(device >= 0 ? device : 0);
  trainSeed_->setValue(static_cast<int>(std::min<std::uint64_t>(c.seed, INT_MAX)));
  limit_->setValue(static_cast<int>(std::min<std::size_t>(c.limitTrain, 1000000)));
  loading_ = false;
  validate();
}

void ExperimentPanel::pushToModel() {
  if (loading_) return;
  TriggerSpec t = model_->trigger();
  t.type = static_cast<TriggerType>(type_->currentIndex());
  t.pattern = static_cast<TriggerPattern>(pattern_->currentIndex());
  t.row = row_->value();
  t.col = col_->value();
  t.size = size_->value();
  t.opacity = opacity_->value();
  t.color = {colourValue_.red(), colourValue_.green(), colourValue_.blue()};
  PoisonSpec p = model_->poison();
  // Without a data set the class lists are empty; the values set last are kept.
  p.source = source_->count() ? source_->currentIndex() : pendingSource_;
  p.target = target_->count() ? target_->currentIndex() : pendingTarget_;
  p.count = count_->value();
  p.rate = amountMode_->currentIndex() == 1 ? rate_->value() / 100.0 : 0.0;
  p.seed = static_cast<std::uint64_t>(poisonSeed_->value());
  if (labelOnly() && imported_) {
    p.labels = imported_->labels;
    p.labelsFrom = imported_->from;
    p.count = static_cast<int>(imported_->flipped);
    p.rate = 0;
  } else {
    p.labels.clear();
    p.labelsFrom.reset();
  }
  TrainConfig c = model_->training();
  c.model.arch = canonicalArch(arch_->currentText().trimmed().toStdString());
  c.model.width = width_->value();
  c.epochs = epochs_->value();
  c.batchSize = batch_->value();
  c.lr = lr_->value();
  c.labelSmoothing = smoothing_->value();
  // The fraction as shown: a recorded 0.4 stays 0.4 (not 0.40000000000000002 read back).
  if (std::lround(100 * c.smallCropsUntil) != smallCrops_->value())
    c.smallCropsUntil = smallCrops_->value() / 100.0;
  c.augment = static_cast<Augment>(augment_->currentIndex());
  c.precision = static_cast<Precision>(precision_->currentIndex());
  c.device = device_->currentData().toString().toStdString();
  c.seed = static_cast<std::uint64_t>(trainSeed_->value());
  c.limitTrain = static_cast<std::size_t>(limit_->value());
  const QSignalBlocker block(model_);  // one validate() for the three
  model_->setTrigger(t);
  model_->setPoison(p);
  model_->setTraining(c);
  validate();
}

bool ExperimentPanel::labelOnly() const { return attack_->currentIndex() == 1; }

void ExperimentPanel::setLabelOnly(bool on) {
  if (attack_->currentIndex() != (on ? 1 : 0)) attack_->setCurrentIndex(on ? 1 : 0);
  stampRows_->setVisible(!on);
  labelRows_->setVisible(on);
  pushToModel();
}

void ExperimentPanel::setLabelFiles(const QString& file, const QString& order) {
  labelFile_->setText(file);
  labelOrder_->setText(order);
  if (!file.isEmpty()) emit labelImportRequested(file, order);
}

void ExperimentPanel::setLabelImport(std::shared_ptr<const LabelPoison> imported) {
  imported_ = std::move(imported);
  importError_.clear();
  if (imported_ && data_) {
    const auto& names = data_->clean->classNames;
    auto name = [&](int c) {
      return c >= 0 && std::size_t(c) < names.size() ? QString::fromStdString(names[c])
                                                     : QString::number(c);
    };
    QStringList pairs;
    for (std::size_t k = 0; k < imported_->flips.size() && k < 6; ++k)
      pairs << tr("%1 -> %2: %L3")
                   .arg(name(imported_->flips[k].from), name(imported_->flips[k].to))
                   .arg(imported_->flips[k].count);
    if (imported_->flips.size() > 6)
      pairs << tr("%n more pairs", nullptr, int(imported_->flips.size() - 6));
    labelSummary_->setText(tr("%L1 training labels differ from the data set's (no image is "
                              "stamped): %2. Rows mapped by %3.")
                               .arg(imported_->flipped)
                               .arg(pairs.join(QStringLiteral("; ")))
                               .arg(QString::fromStdString(imported_->from.orderHow)));
  } else {
    labelSummary_->clear();
  }
  pushToModel();
}

void ExperimentPanel::setLabelImportError(const QString& message) {
  imported_.reset();
  importError_ = message;
  labelSummary_->setText(message);
  pushToModel();
}

void ExperimentPanel::setTrainingRunning(bool running) {
  running_ = running;
  validate();
}

void ExperimentPanel::validate() {
  if (loading_) return;
  if (source_->count()) pendingSource_ = source_->currentIndex();
  if (target_->count()) pendingTarget_ = target_->currentIndex();
  // Each group is checked by the engine's own validate(); the field at fault comes as a value.
  const TriggerSpec& t = model_->trigger();
  const PoisonSpec& p = model_->poison();
  const auto te = model_->triggerProblem();
  const auto pe = model_->poisonProblem();
  const auto ce = model_->trainingProblem();
  auto show = [](QLabel* label, const QString& text) {
    label->setText(text);
    label->setVisible(!text.isEmpty());
  };
  show(triggerError_, te.message);
  show(poisonError_, data_ ? pe.message : QString());
  show(trainingError_, ce.message);
  const std::pair<QWidget*, QString> fields[] = {
      {row_, "trigger.row"},
      {col_, "trigger.col"},
      {size_, "trigger.size"},
      {opacity_, "trigger.opacity"},
      {source_, "poison.source"},
      {target_, "poison.target"},
      {count_, "poison.count"},
      {rate_, p.rate > 0 ? "poison.count" : "poison.rate"},
      {arch_, "model.arch"},
      {width_, "model.width"},
      {epochs_, "train.epochs"},
      {batch_, "train.batch"},
      {lr_, "train.lr"},
      {smoothing_, "train.label_smoothing"},
      {smallCrops_, "train.small_crops_until"}};
  for (const auto& [widget, field] : fields) {
    const ExperimentModel::Problem* owner = field.startsWith(QLatin1String("trigger."))  ? &te
                                            : field.startsWith(QLatin1String("poison.")) ? &pe
                                                                                         : &ce;
    markInvalid(widget, owner->field == field || (widget == rate_ && pe.field == "poison.rate"),
                owner->message);
  }
  // Pixel and patch triggers are opaque; only a blend takes an opacity.
  // FLIP's triggers are fixed by the paper: no position, colour, size or pattern to set.
  const bool fixed = isFlipTrigger(t.type);
  opacity_->setEnabled(t.type == TriggerType::Blend);
  size_->setEnabled(t.type != TriggerType::Pixel && !fixed);
  pattern_->setEnabled(t.type != TriggerType::Pixel && !fixed);
  row_->setEnabled(!fixed);
  colour_->setEnabled(!fixed);
  col_->setEnabled(!fixed);
  if (labelOnly() && !imported_) {
    // Nothing to apply until a label file was read.
    problem_ = importError_.isEmpty() ? tr("Choose a label file") : importError_;
    problemField_ = QStringLiteral("poison.labels");
    poisonSummary_->clear();
    apply_->setEnabled(false);
    train_->setEnabled(false);
    updatePreview();
    return;
  }
  if (data_ && pe.isEmpty() && p.labelOnly()) {
    poisonSummary_->setText(tr("Label-only: %L1 labels changed; at test time the trigger goes "
                               "on %2 images, success is %3.")
                                .arg(p.count)
                                .arg(source_->currentText().section(QLatin1Char(' '), 1))
                                .arg(target_->currentText().section(QLatin1Char(' '), 1)));
  } else if (data_ && pe.isEmpty()) {
    const int n = p.resolvedCount(data_->clean->train.count());
    poisonSummary_->setText(tr("%L1 %2 images get the trigger and the label %3.")
                                .arg(n)
                                .arg(source_->currentText().section(QLatin1Char(' '), 1))
                                .arg(target_->currentText().section(QLatin1Char(' '), 1)));
  } else {
    poisonSummary_->clear();
  }
  const auto& first = !te.isEmpty() ? te : !pe.isEmpty() ? pe : ce;
  problem_ = first.message;
  problemField_ = first.field;
  apply_->setEnabled(data_ && te.isEmpty() && pe.isEmpty() && !running_);
  train_->setEnabled(data_ && problem_.isEmpty() && !running_);
  updatePreview();
}

void ExperimentPanel::updatePreview() {
  if (!data_) {
    preview_->setImage({});
    return;
  }
  const TriggerSpec t = trigger();
  // The first clean image of the source class (or of any class when the source is invalid).
  const int source = source_->currentIndex();
  const Split& train = data_->clean->train;
  std::size_t pick = 0;
  for (std::size_t i = 0; i < train.count(); ++i)
    if (train.labels[i] == source) {
      pick = i;
      break;
    }
  std::vector<std::uint8_t> img(train.image(pick), train.image(pick) + kImageBytes);
  bool valid = true;
  try {
    t.validate();
    t.apply(img.data());
  } catch (const std::exception&) {
    valid = false;
  }
  preview_->setImage(toQImage(img.data()));
  preview_->setTriggerMark(valid ? std::optional<TriggerSpec>(t) : std::nullopt);
}

}  // namespace poisonlab::gui
