#include "state/ui_describe.h"
#include "state/ui_format.h"
#include "views/runs_view.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

#include <filesystem>

#include "core/detect/detect.h"
#include "core/run/run_folder.h"
#include "core/run/train_report.h"
#include "core/util/error.h"
#include "core/util/format.h"
#include "plot/plot_export.h"
#include "qcustomplot.h"

namespace poisonlab::gui {

RunSummary readRunSummary(const QString& dir) {
  const std::string d = dir.toStdString();
  const Experiment exp = readExperiment(d);
  RunSummary s;
  s.dir = dir;
  s.trigger = exp.trigger;
  s.poison = exp.poison;
  s.classNames = exp.classNames;
  if (std::filesystem::exists(metricsPath(d))) {
    s.config = readTrainConfig(d);
    s.train = readTrainResult(d);
  }
  for (const std::string& name : listDetections(d)) {
    const DetectionReport r = readDetection(d, name);
    s.detectorAuroc.emplace_back(name, r.overall.auroc);
  }
  return s;
}

namespace {
QString percent(double v) { return uiPercent(v); }
}  // namespace

RunsView::RunsView(QWidget* parent) : QWidget(parent) {
  setObjectName(QStringLiteral("runsView"));
  table_ = new QTableWidget(0, 9, this);
  table_->setObjectName(QStringLiteral("runsTable"));
  table_->setHorizontalHeaderLabels({tr("Run"), tr("Trigger"), tr("Poisons"), tr("Model"),
                                     tr("Epochs"), tr("Clean"), tr("ASR"), tr("ASR mirrored"),
                                     tr("Detectors (AUROC)")});
  table_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  table_->horizontalHeader()->setStretchLastSection(true);
  table_->verticalHeader()->hide();
  table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  table_->setSelectionBehavior(QAbstractItemView::SelectRows);
  table_->setToolTip(tr("Double-click a run to open it"));
  connect(table_, &QTableWidget::cellDoubleClicked, this, [this](int row, int) {
    if (row >= 0 && row < int(runs_.size())) emit openRequested(runs_[std::size_t(row)].dir);
  });
  curves_ = makePlot(this, QStringLiteral("runCurves"),
                     tr("Clean accuracy (solid) and ASR (dashed) per epoch"), tr("epoch"));
  curves_->legend->setVisible(true);
  curves_->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignBottom | Qt::AlignRight);
  whatIf_ = new QPushButton(tr("What if…"), this);
  whatIf_->setObjectName(QStringLiteral("whatIfButton"));
  whatIf_->setToolTip(tr("Duplicate the open run with one setting changed and train it"));
  auto* add = new QPushButton(tr("Add run folder…"), this);
  add->setObjectName(QStringLiteral("addRunButton"));
  auto* grid = new QPushButton(tr("Open grid table…"), this);
  grid->setObjectName(QStringLiteral("openGridButton"));
  grid->setToolTip(
      tr("Add every finished run of a what-if grid (grid-results.json from "
         "poisonlab-cli grid, run here or on a Slurm cluster)"));
  connect(grid, &QPushButton::clicked, this, &RunsView::openGridRequested);
  auto* remove = new QPushButton(tr("Remove from comparison"), this);
  connect(whatIf_, &QPushButton::clicked, this, &RunsView::whatIfRequested);
  connect(add, &QPushButton::clicked, this, &RunsView::addRequested);
  connect(remove, &QPushButton::clicked, this, [this] {
    const int row = table_->currentRow();
    if (row >= 0 && row < int(runs_.size())) removeRun(runs_[std::size_t(row)].dir);
  });
  auto* buttons = new QHBoxLayout;
  buttons->addWidget(whatIf_);
  buttons->addWidget(add);
  buttons->addWidget(grid);
  buttons->addWidget(remove);
  buttons->addStretch(1);
  auto* split = new QSplitter(Qt::Vertical, this);
  split->addWidget(table_);
  split->addWidget(curves_);
  split->setStretchFactor(0, 1);
  split->setStretchFactor(1, 2);
  auto* layout = new QVBoxLayout(this);
  layout->addLayout(buttons);
  layout->addWidget(split, 1);
}

void RunsView::addRun(const RunSummary& run) {
  const QString abs = QFileInfo(run.dir).absoluteFilePath();
  for (auto& r : runs_)
    if (QFileInfo(r.dir).absoluteFilePath() == abs) {
      r = run;
      rebuild();
      return;
    }
  runs_.push_back(run);
  rebuild();
}

void RunsView::removeRun(const QString& dir) {
  const QString abs = QFileInfo(dir).absoluteFilePath();
  runs_.erase(std::remove_if(
                  runs_.begin(), runs_.end(),
                  [&](const RunSummary& r) { return QFileInfo(r.dir).absoluteFilePath() == abs; }),
              runs_.end());
  rebuild();
}

void RunsView::rebuild() {
  table_->setRowCount(int(runs_.size()));
  curves_->clearGraphs();
  double right = 1;
  for (std::size_t i = 0; i < runs_.size(); ++i) {
    const RunSummary& r = runs_[i];
    const auto name = [&](int c) {
      return c >= 0 && std::size_t(c) < r.classNames.size()
                 ? QString::fromStdString(r.classNames[std::size_t(c)])
                 : QString::number(c);
    };
    QStringList detectors;
    for (const auto& [n, a] : r.detectorAuroc)
      detectors << QStringLiteral("%1 %2").arg(QString::fromStdString(n)).arg(a, 0, 'f', 3);
    const QStringList cells{
        QFileInfo(r.dir).fileName(),
        describeTrigger(r.trigger),
        tr("%1 %2 → %3")
            .arg(r.poison.rate > 0 ? uiPercent(r.poison.rate, 1) : QString::number(r.poison.count))
            .arg(name(r.poison.source), name(r.poison.target)),
        r.config ? describeModel(r.config->model) : tr("untrained"),
        r.config ? QString::number(r.config->epochs) : QString(),
        r.train ? percent(r.train->final.cleanAcc) : QString(),
        r.train ? percent(r.train->final.asr) : QString(),
        r.train ? percent(r.train->final.asrMirrored) : QString(),
        detectors.join(QStringLiteral(" · "))};
    for (int c = 0; c < cells.size(); ++c) {
      auto* item = new QTableWidgetItem(cells[c]);
      item->setToolTip(plainToolTip(r.dir));
      item->setForeground(seriesColour(int(i)));
      table_->setItem(int(i), c, item);
    }
    if (!r.train) continue;
    QVector<double> x, clean, asr;
    for (const EpochStats& e : r.train->history) {
      x << e.epoch;
      clean << e.cleanAcc;
      asr << e.asr;
    }
    right = std::max(right, x.isEmpty() ? 1.0 : x.back());
    QCPGraph* g = curves_->addGraph();
    g->setName(QFileInfo(r.dir).fileName());
    g->setPen(QPen(seriesColour(int(i)), 2));
    g->setData(x, clean, true);
    QCPGraph* a = curves_->addGraph();
    a->setPen(QPen(seriesColour(int(i)), 2, Qt::DashLine));
    a->setData(x, asr, true);
    a->removeFromLegend();
  }
  curves_->xAxis->setRange(0, right + 0.2);
  curves_->yAxis->setRange(0, 1.02);
  curves_->replot(QCustomPlot::rpQueuedReplot);
}

// ---------------------------------------------------------------- WhatIfDialog

WhatIfDialog::WhatIfDialog(const TriggerSpec& trigger, const PoisonSpec& poison,
                           const TrainConfig& config, const Dataset& data, QWidget* parent)
    : QDialog(parent),
      data_(data),
      trigger0_(trigger),
      trigger_(trigger),
      poison0_(poison),
      poison_(poison),
      config0_(config),
      config_(config) {
  setObjectName(QStringLiteral("whatIfDialog"));
  setWindowTitle(tr("What if…"));
  setting_ = new QComboBox(this);
  setting_->setObjectName(QStringLiteral("whatIfSetting"));
  setting_->addItem(tr("Trigger position (row, column)"), int(Setting::TriggerPosition));
  setting_->addItem(tr("Trigger colour (R, G, B)"), int(Setting::TriggerColour));
  setting_->addItem(tr("Trigger size"), int(Setting::TriggerSize));
  setting_->addItem(tr("Trigger type (pixel, patch, blend)"), int(Setting::TriggerType));
  setting_->addItem(tr("Poison count"), int(Setting::PoisonCount));
  setting_->addItem(tr("Class pair (source, target)"), int(Setting::ClassPair));
  setting_->addItem(tr("Poison seed"), int(Setting::PoisonSeed));
  setting_->addItem(tr("Model (e.g. resnet20, resnet8)"), int(Setting::Model));
  setting_->addItem(tr("Epochs"), int(Setting::Epochs));
  setting_->addItem(tr("Training seed"), int(Setting::TrainingSeed));
  value_ = new QLineEdit(this);
  value_->setObjectName(QStringLiteral("whatIfValue"));
  hint_ = new QLabel(this);
  hint_->setTextFormat(Qt::PlainText);  // plain: it may show the user's names and paths
  hint_->setWordWrap(true);
  errorLabel_ = new QLabel(this);
  errorLabel_->setTextFormat(Qt::PlainText);  // plain: it may show the user's names and paths
  errorLabel_->setObjectName(QStringLiteral("whatIfError"));
  errorLabel_->setStyleSheet(QStringLiteral("color: #b00020"));
  errorLabel_->setWordWrap(true);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
  buttons->button(QDialogButtonBox::Ok)->setText(tr("Poison and train"));
  connect(buttons, &QDialogButtonBox::accepted, this, [this] {
    if (apply()) accept();
  });
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  connect(setting_, &QComboBox::currentIndexChanged, this, &WhatIfDialog::fillValue);
  auto* form = new QFormLayout;
  form->addRow(tr("Change"), setting_);
  form->addRow(tr("To"), value_);
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(new QLabel(tr("A new run: the open run's experiment and recipe with one "
                                  "setting changed, poisoned and trained as a job."),
                               this));
  layout->addLayout(form);
  layout->addWidget(hint_);
  layout->addWidget(errorLabel_);
  layout->addWidget(buttons);
  fillValue();
}

void WhatIfDialog::setSetting(Setting s) { setting_->setCurrentIndex(setting_->findData(int(s))); }
void WhatIfDialog::setValue(const QString& text) { value_->setText(text); }

void WhatIfDialog::fillValue() {
  const auto s = static_cast<Setting>(setting_->currentData().toInt());
  QString v;
  switch (s) {
    case Setting::TriggerPosition:
      v = QStringLiteral("%1, %2").arg(trigger0_.row).arg(trigger0_.col);
      break;
    case Setting::TriggerColour:
      v = QStringLiteral("%1, %2, %3")
              .arg(trigger0_.color[0])
              .arg(trigger0_.color[1])
              .arg(trigger0_.color[2]);
      break;
    case Setting::TriggerSize:
      v = QString::number(trigger0_.size);
      break;
    case Setting::TriggerType:
      v = QString::fromLatin1(toString(trigger0_.type));
      break;
    case Setting::PoisonCount:
      v = QString::number(poison0_.resolvedCount(data_.train.count()));
      break;
    case Setting::ClassPair:
      v = QStringLiteral("%1, %2").arg(poison0_.source).arg(poison0_.target);
      break;
    case Setting::PoisonSeed:
      v = QString::number(poison0_.seed);
      break;
    case Setting::Model:
      v = QString::fromStdString(config0_.model.arch);
      break;
    case Setting::Epochs:
      v = QString::number(config0_.epochs);
      break;
    case Setting::TrainingSeed:
      v = QString::number(config0_.seed);
      break;
  }
  value_->setText(v);
  hint_->setText(tr("Now: %1").arg(v));
  errorLabel_->clear();
}

bool WhatIfDialog::apply() {
  trigger_ = trigger0_;
  poison_ = poison0_;
  config_ = config0_;
  const auto s = static_cast<Setting>(setting_->currentData().toInt());
  const QString text = value_->text().trimmed();
  std::vector<long long> nums;
  bool numeric = true;
  for (const QString& part :
       text.split(QRegularExpression(QStringLiteral("[,\\s]+")), Qt::SkipEmptyParts)) {
    bool ok = false;
    nums.push_back(part.toLongLong(&ok));
    numeric = numeric && ok;
  }
  auto need = [&](std::size_t n, const char* field) {
    if (!numeric || nums.size() != n)
      throw Error(std::string(field) + ": expected " + std::to_string(n) + " whole number" +
                  (n > 1 ? "s" : "") + ", got '" + text.toStdString() + "'");
  };
  try {
    switch (s) {
      case Setting::TriggerPosition:
        need(2, "trigger position");
        trigger_.row = int(nums[0]);
        trigger_.col = int(nums[1]);
        break;
      case Setting::TriggerColour:
        need(3, "trigger colour");
        for (int c = 0; c < 3; ++c) trigger_.color[std::size_t(c)] = int(nums[std::size_t(c)]);
        break;
      case Setting::TriggerSize:
        need(1, "trigger size");
        trigger_.size = int(nums[0]);
        break;
      case Setting::TriggerType: {
        const TriggerType t = parseTriggerType(text.toStdString(), "trigger type");
        const auto colour = trigger_.color;
        trigger_ = TriggerSpec::defaults(t);
        trigger_.color = colour;
        break;
      }
      case Setting::PoisonCount:
        need(1, "poison count");
        poison_.count = int(nums[0]);
        poison_.rate = 0;
        break;
      case Setting::ClassPair:
        need(2, "class pair");
        poison_.source = int(nums[0]);
        poison_.target = int(nums[1]);
        break;
      case Setting::PoisonSeed:
        need(1, "poison seed");
        poison_.seed = static_cast<std::uint64_t>(nums[0]);
        break;
      case Setting::Model:
        config_.model.arch = text.toStdString();
        break;
      case Setting::Epochs:
        need(1, "epochs");
        config_.epochs = int(nums[0]);
        break;
      case Setting::TrainingSeed:
        need(1, "training seed");
        config_.seed = static_cast<std::uint64_t>(nums[0]);
        break;
    }
    trigger_.validate();
    poison_.validate(data_);
    config_.validate();
    error_.clear();
  } catch (const std::exception& e) {
    error_ = QString::fromStdString(e.what());
  }
  errorLabel_->setText(error_);
  return error_.isEmpty();
}

QString WhatIfDialog::changeText() const {
  return tr("%1 → %2").arg(setting_->currentText(), value_->text().trimmed());
}

}  // namespace poisonlab::gui
