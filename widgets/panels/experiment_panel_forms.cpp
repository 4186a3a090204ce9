// The experiment panel's forms: the data, trigger, poison and training groups, each field with
// its range, help and validation hook (panels/experiment_panel.cpp holds the rest).
#include "panels/experiment_panel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QFileDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <climits>
#include <cmath>

#include "plot/pixel_view.h"
#include "state/experiment_model.h"
#include "state/sample_image.h"

namespace poisonlab::gui {
namespace {

QLabel* errorLabel(QWidget* parent, const QString& name) {
  auto* l = new QLabel(parent);
  l->setTextFormat(Qt::PlainText);  // plain: it may show the user's names and paths
  l->setObjectName(name);
  l->setWordWrap(true);
  l->setStyleSheet(QStringLiteral("color: #c0392b;"));
  l->setVisible(false);
  return l;
}

QSpinBox* spin(QWidget* parent, const QString& name, int lo, int hi) {
  auto* s = new QSpinBox(parent);
  s->setObjectName(name);
  s->setRange(lo, hi);
  s->setAccelerated(true);
  return s;
}

QComboBox* combo(QWidget* parent, const QString& name, const QStringList& items) {
  auto* c = new QComboBox(parent);
  c->setObjectName(name);
  c->addItems(items);
  return c;
}

}  // namespace

QGroupBox* ExperimentPanel::buildData() {
  auto* g = new QGroupBox(tr("Data"), this);
  dataSource_ = new QLabel(tr("No data set loaded"), g);
  dataSource_->setTextFormat(Qt::PlainText);  // plain: it may show the user's names and paths
  dataSource_->setObjectName(QStringLiteral("dataSource"));
  dataSource_->setWordWrap(true);
  dataSource_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  auto* open = new QToolButton(g);
  open->setText(tr("Open…"));
  open->setObjectName(QStringLiteral("panelOpenData"));
  open->setPopupMode(QToolButton::MenuButtonPopup);
  auto* menu = new QMenu(open);
  menu->addAction(tr("Archive (.tar.gz)…"), this, &ExperimentPanel::openDataRequested);
  menu->addAction(tr("Folder…"), this, &ExperimentPanel::openDataFolderRequested);
  open->setMenu(menu);
  connect(open, &QToolButton::clicked, this, &ExperimentPanel::openDataRequested);
  auto* download = new QToolButton(g);
  download->setText(tr("Download"));
  download->setObjectName(QStringLiteral("panelDownload"));
  download->setToolTip(tr("Download the official CIFAR-10 release (163 MB)"));
  connect(download, &QToolButton::clicked, this, &ExperimentPanel::downloadRequested);
  auto* row = new QHBoxLayout;
  row->addWidget(open);
  row->addWidget(download);
  row->addStretch(1);
  auto* l = new QVBoxLayout(g);
  l->addWidget(dataSource_);
  l->addLayout(row);
  return g;
}

QGroupBox* ExperimentPanel::buildTrigger() {
  auto* g = new QGroupBox(tr("Trigger"), this);
  type_ = combo(g, QStringLiteral("triggerType"),
                {tr("Pixel"), tr("Patch"), tr("Blend"), tr("Sinusoid (FLIP 1xs)"),
                 tr("Three pixels (FLIP 3xp)"), tr("Corners (FLIP 4xl)")});
  pattern_ =
      combo(g, QStringLiteral("triggerPattern"), {tr("Solid"), tr("Checkerboard"), tr("Noise")});
  row_ = spin(g, QStringLiteral("triggerRow"), 0, 31);
  col_ = spin(g, QStringLiteral("triggerColumn"), 0, 31);
  size_ = spin(g, QStringLiteral("triggerSize"), 1, 32);
  opacity_ = new QDoubleSpinBox(g);
  opacity_->setObjectName(QStringLiteral("triggerOpacity"));
  opacity_->setRange(0.01, 1.0);
  opacity_->setSingleStep(0.05);
  opacity_->setDecimals(2);
  colour_ = new QToolButton(g);
  colour_->setObjectName(QStringLiteral("triggerColour"));
  colour_->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
  connect(colour_, &QToolButton::clicked, this, &ExperimentPanel::chooseColour);
  preview_ = new PixelView(g);
  preview_->setObjectName(QStringLiteral("triggerPreview"));
  preview_->setMinimumSize(128, 128);
  preview_->setToolTip(tr("The trigger on a source-class image, enlarged; its square outlined"));
  triggerError_ = errorLabel(g, QStringLiteral("triggerError"));

  const QString positionHelp =
      tr("Top-left pixel of the trigger as (row, column), 0-based: the project log's pixel is "
         "row 11, column 16. Code that passes (11, 16) to PIL's putpixel (the FLIP reference "
         "code) means column 11, row 16: reproduce it with row 16, column 11. A model trained "
         "at one ignores the other.");
  for (QWidget* w : {static_cast<QWidget*>(row_), static_cast<QWidget*>(col_)}) {
    w->setProperty("help", positionHelp);
    w->setToolTip(positionHelp);
  }
  auto* position = new QHBoxLayout;
  position->addWidget(new QLabel(tr("row"), g));
  position->addWidget(row_);
  position->addWidget(new QLabel(tr("column"), g));
  position->addWidget(col_);
  auto* f = new QFormLayout;
  f->addRow(tr("Type"), type_);
  f->addRow(tr("Position"), position);
  f->addRow(tr("Colour"), colour_);
  f->addRow(tr("Size"), size_);
  f->addRow(tr("Pattern"), pattern_);
  f->addRow(tr("Opacity"), opacity_);
  auto* l = new QVBoxLayout(g);
  l->addLayout(f);
  l->addWidget(preview_, 1);
  l->addWidget(triggerError_);
  connect(type_, &QComboBox::currentIndexChanged, this, &ExperimentPanel::triggerTypeChanged);
  for (QWidget* w :
       {static_cast<QWidget*>(pattern_), static_cast<QWidget*>(row_), static_cast<QWidget*>(col_),
        static_cast<QWidget*>(size_), static_cast<QWidget*>(opacity_)})
    watch(w);
  return g;
}

QGroupBox* ExperimentPanel::buildPoison() {
  auto* g = new QGroupBox(tr("Poison"), this);
  source_ = combo(g, QStringLiteral("poisonSource"), {});
  target_ = combo(g, QStringLiteral("poisonTarget"), {});
  amountMode_ = combo(g, QStringLiteral("poisonAmountMode"), {tr("Count"), tr("Rate")});
  count_ = spin(g, QStringLiteral("poisonCount"), 1, 1000000);
  rate_ = new QDoubleSpinBox(g);
  rate_->setObjectName(QStringLiteral("poisonRate"));
  rate_->setRange(0.01, 100);
  rate_->setDecimals(2);
  rate_->setSuffix(QStringLiteral(" %"));
  rate_->setToolTip(tr("Share of the whole training set (the log's 1 % is 500 of 50,000)"));
  poisonSeed_ = spin(g, QStringLiteral("poisonSeed"), 0, INT_MAX);
  poisonError_ = errorLabel(g, QStringLiteral("poisonError"));
  poisonSummary_ = new QLabel(g);
  poisonSummary_->setTextFormat(Qt::PlainText);  // plain: it may show the user's names and paths
  poisonSummary_->setObjectName(QStringLiteral("poisonSummary"));
  poisonSummary_->setWordWrap(true);
  attack_ = combo(g, QStringLiteral("poisonAttack"),
                  {tr("Stamp the trigger and relabel"), tr("Label-only (import labels)")});
  attack_->setToolTip(
      tr("Label-only (FLIP): the training images stay clean, only labels change, as a label "
         "file says; the trigger is pasted on test images only"));
  auto* amount = new QHBoxLayout;
  amount->addWidget(amountMode_);
  amount->addWidget(count_, 1);
  amount->addWidget(rate_, 1);
  stampRows_ = new QWidget(g);
  auto* sf = new QFormLayout(stampRows_);
  sf->setContentsMargins(0, 0, 0, 0);
  sf->addRow(tr("Amount"), amount);
  sf->addRow(tr("Seed"), poisonSeed_);
  labelRows_ = new QWidget(g);
  auto* lf = new QFormLayout(labelRows_);
  lf->setContentsMargins(0, 0, 0, 0);
  labelFile_ = new QLineEdit(labelRows_);
  labelFile_->setObjectName(QStringLiteral("labelFile"));
  labelFile_->setPlaceholderText(tr("FILE.npy (N x classes logits) or FILE.csv (index,label)"));
  auto* browse = new QToolButton(labelRows_);
  browse->setObjectName(QStringLiteral("labelFileBrowse"));
  browse->setText(tr("Choose…"));
  auto* fileRow = new QHBoxLayout;
  fileRow->addWidget(labelFile_, 1);
  fileRow->addWidget(browse);
  labelOrder_ = new QLineEdit(labelRows_);
  labelOrder_->setObjectName(QStringLiteral("labelOrder"));
  labelOrder_->setPlaceholderText(tr("true.npy beside the file, or the load order"));
  labelOrder_->setToolTip(
      tr("The class sequence of the file's rows (FLIP's true.npy): maps the official order "
         "onto image folders, which are numbered per class"));
  lf->addRow(tr("Label file"), fileRow);
  lf->addRow(tr("Row order"), labelOrder_);
  labelSummary_ = new QLabel(labelRows_);
  labelSummary_->setObjectName(QStringLiteral("labelSummary"));
  labelSummary_->setTextFormat(Qt::PlainText);
  labelSummary_->setWordWrap(true);
  lf->addRow(labelSummary_);
  // Or compute them: FLIP itself, on the loaded data, with this trigger and these classes.
  auto* computeFlip = new QPushButton(tr("Compute FLIP labels…"), labelRows_);
  computeFlip->setObjectName(QStringLiteral("computeFlip"));
  computeFlip->setToolTip(
      tr("Compute label files with FLIP (trajectory matching against experts trained with "
         "this trigger, source and target) in the background: one label file and one "
         "label-only run per budget (150 to 1,500 flips), added to Runs"));
  flipQuick_ = new QCheckBox(tr("Quick (about a quarter of an hour on 2 cores)"), labelRows_);
  flipQuick_->setObjectName(QStringLiteral("flipQuick"));
  flipQuick_->setChecked(true);
  flipQuick_->setToolTip(
      tr("A small pre-activation ResNet, 500 images a class, one expert of 10 epochs and 3 "
         "passes; unchecked: FLIP's full settings (ResNet-32, all images, 20 expert epochs, "
         "15 passes: hours on a CPU, minutes on a GPU)"));
  auto* flipRow = new QHBoxLayout;
  flipRow->addWidget(computeFlip);
  flipRow->addWidget(flipQuick_, 1);
  lf->addRow(flipRow);
  connect(computeFlip, &QPushButton::clicked, this,
          [this] { emit flipRequested(flipQuick_->isChecked()); });
  labelRows_->setVisible(false);
  auto* f = new QFormLayout(g);
  f->addRow(tr("Attack"), attack_);
  f->addRow(tr("Source class"), source_);
  f->addRow(tr("Target label"), target_);
  f->addRow(stampRows_);
  f->addRow(labelRows_);
  f->addRow(poisonSummary_);
  f->addRow(poisonError_);
  connect(attack_, &QComboBox::currentIndexChanged, this,
          [this](int) { setLabelOnly(labelOnly()); });
  auto request = [this] {
    if (labelFile_->text().trimmed().isEmpty()) return;
    labelSummary_->setText(tr("Reading the labels…"));
    emit labelImportRequested(labelFile_->text().trimmed(), labelOrder_->text().trimmed());
  };
  connect(labelFile_, &QLineEdit::editingFinished, this, request);
  connect(labelOrder_, &QLineEdit::editingFinished, this, request);
  connect(browse, &QToolButton::clicked, this, [this, request] {
    const QString f = QFileDialog::getOpenFileName(this, tr("Label file"), labelFile_->text(),
                                                   tr("Label files (*.npy *.csv)"));
    if (f.isEmpty()) return;
    labelFile_->setText(f);
    request();
  });
  connect(amountMode_, &QComboBox::currentIndexChanged, this, [this](int mode) {
    count_->setVisible(mode == 0);
    rate_->setVisible(mode == 1);
    validate();
  });
  for (QWidget* w : {static_cast<QWidget*>(source_), static_cast<QWidget*>(target_),
                     static_cast<QWidget*>(count_), static_cast<QWidget*>(rate_),
                     static_cast<QWidget*>(poisonSeed_)})
    watch(w);
  return g;
}

QGroupBox* ExperimentPanel::buildTraining() {
  auto* g = new QGroupBox(tr("Model and training"), this);
  arch_ = combo(g, QStringLiteral("modelArch"),
                {"resnet8", "resnet14", "resnet20", "resnet32", "resnet44", "resnet56", "resnet18",
                 "resnet32p", "resnet8p"});
  arch_->setEditable(true);  // any resnet(6n+2)
  width_ = spin(g, QStringLiteral("modelWidth"), 1, 1024);
  epochs_ = spin(g, QStringLiteral("epochs"), 1, 10000);
  batch_ = spin(g, QStringLiteral("batchSize"), 1, 65536);
  lr_ = new QDoubleSpinBox(g);
  lr_->setObjectName(QStringLiteral("learningRate"));
  lr_->setDecimals(4);
  lr_->setRange(0.0001, 10);
  lr_->setSingleStep(0.01);
  smoothing_ = new QDoubleSpinBox(g);
  smoothing_->setObjectName(QStringLiteral("labelSmoothing"));
  smoothing_->setDecimals(2);
  smoothing_->setRange(0, 0.99);
  smoothing_->setSingleStep(0.05);
  smoothing_->setToolTip(
      tr("Targets (1 - s) for the label and s / classes for every class; 0 = one-hot targets. "
         "0.2 learns the one-pixel trigger on every seed tried"));
  smallCrops_ = spin(g, QStringLiteral("smallCrops"), 0, 100);
  smallCrops_->setSuffix(tr(" % of the epochs"));
  smallCrops_->setToolTip(
      tr("The first epochs train on random %1 x %1 crops of the images (cheaper steps), the rest "
         "on whole images; 0 = whole images throughout")
          .arg(TrainConfig{}.smallCropSide));
  augment_ =
      combo(g, QStringLiteral("augment"), {tr("None"), tr("Horizontal flip"), tr("Crop and flip")});
  precision_ = combo(g, QStringLiteral("precision"),
                     {tr("Automatic (bf16 where the CPU has it)"), tr("fp32"), tr("bf16")});
  // The device: the CPU, and CUDA where this LibTorch has a CUDA device.
  device_ = combo(g, QStringLiteral("device"), {tr("CPU")});
  if (cudaDeviceCount() > 0)
    device_->addItem(tr("CUDA GPU (%n device(s))", nullptr, cudaDeviceCount()),
                     QStringLiteral("cuda"));
  device_->setItemData(0, QStringLiteral("cpu"));
  device_->setEnabled(device_->count() > 1);
  device_->setToolTip(device_->count() > 1
                          ? tr("Where training runs")
                          : tr("This LibTorch sees no CUDA device: training runs on the CPU"));
  trainSeed_ = spin(g, QStringLiteral("trainSeed"), 0, INT_MAX);
  limit_ = spin(g, QStringLiteral("limitTrain"), 0, 1000000);
  limit_->setSpecialValueText(tr("all"));
  limit_->setToolTip(tr("Train on a seeded subset of this many images (every poison kept)"));
  trainingError_ = errorLabel(g, QStringLiteral("trainingError"));
  auto* f = new QFormLayout(g);
  f->addRow(tr("Network"), arch_);
  f->addRow(tr("Width"), width_);
  f->addRow(tr("Epochs"), epochs_);
  f->addRow(tr("Batch size"), batch_);
  f->addRow(tr("Peak learning rate"), lr_);
  f->addRow(tr("Label smoothing"), smoothing_);
  f->addRow(tr("Small crops"), smallCrops_);
  f->addRow(tr("Augmentation"), augment_);
  f->addRow(tr("Precision"), precision_);
  f->addRow(tr("Device"), device_);
  f->addRow(tr("Training images"), limit_);
  f->addRow(tr("Seed"), trainSeed_);
  f->addRow(trainingError_);
  connect(arch_, &QComboBox::currentTextChanged, this, [this] { validate(); });
  for (QWidget* w : {static_cast<QWidget*>(width_), static_cast<QWidget*>(epochs_),
                     static_cast<QWidget*>(batch_), static_cast<QWidget*>(lr_),
                     static_cast<QWidget*>(smoothing_), static_cast<QWidget*>(smallCrops_),
                     static_cast<QWidget*>(augment_), static_cast<QWidget*>(precision_),
                     static_cast<QWidget*>(device_), static_cast<QWidget*>(trainSeed_),
                     static_cast<QWidget*>(limit_)})
    watch(w);
  return g;
}

}  // namespace poisonlab::gui
