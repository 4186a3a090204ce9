#pragma once
// What-if: runs side by side. Each run (the open one, what-if runs trained from it, any run
// folder added) is a row with its attack, recipe, clean accuracy, ASR and detector AUROCs;
// the curves of the checked runs are overlaid. A what-if run is the open run with one setting
// changed (WhatIfDialog), trained as a job.

#include <QDialog>
#include <QWidget>

#include <optional>
#include <utility>
#include <vector>

#include "core/attack/poison.h"
#include "core/train/training.h"

class QComboBox;
class QCustomPlot;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace poisonlab::gui {

/// What the comparison shows of one run folder (read on a worker: see readRunSummary).
struct RunSummary {
  QString dir;
  TriggerSpec trigger;
  PoisonSpec poison;
  std::vector<std::string> classNames;
  std::optional<TrainConfig> config;
  std::optional<TrainResult> train;
  std::vector<std::pair<std::string, double>> detectorAuroc;  ///< name, AUROC
};
/// Reads a run folder's experiment, metrics and detector records (no data set needed).
/// Throws Error naming a bad file.
RunSummary readRunSummary(const QString& dir);

class RunsView : public QWidget {
  Q_OBJECT
 public:
  explicit RunsView(QWidget* parent = nullptr);
  /// Adds the run, or replaces the row of the same folder.
  void addRun(const RunSummary& run);
  void removeRun(const QString& dir);
  int runCount() const { return int(runs_.size()); }
  QTableWidget* table() const { return table_; }
  QCustomPlot* curves() const { return curves_; }

 signals:
  void addRequested();
  /// "Open grid table…": a grid-results.json written by `poisonlab-cli grid`.
  void openGridRequested();
  void whatIfRequested();
  void openRequested(const QString& dir);

 private:
  void rebuild();
  std::vector<RunSummary> runs_;
  QTableWidget* table_;
  QCustomPlot* curves_;
  QPushButton* whatIf_;
};

/// One setting of the open run changed: trigger colour, position, size or type, poison count,
/// class pair, seeds, model or epochs. The value is typed as text and checked by the same
/// validate() calls the engine makes; the error names the field.
class WhatIfDialog : public QDialog {
  Q_OBJECT
 public:
  enum class Setting {
    TriggerPosition,
    TriggerColour,
    TriggerSize,
    TriggerType,
    PoisonCount,
    ClassPair,
    PoisonSeed,
    Model,
    Epochs,
    TrainingSeed
  };
  WhatIfDialog(const TriggerSpec& trigger, const PoisonSpec& poison, const TrainConfig& config,
               const Dataset& data, QWidget* parent = nullptr);
  void setSetting(Setting s);
  void setValue(const QString& text);
  /// Applies the typed value; false with error() naming the field when it is not valid.
  bool apply();
  QString error() const { return error_; }
  QString changeText() const;
  TriggerSpec trigger() const { return trigger_; }
  PoisonSpec poison() const { return poison_; }
  TrainConfig config() const { return config_; }

 private:
  void fillValue();
  const Dataset& data_;
  TriggerSpec trigger0_, trigger_;
  PoisonSpec poison0_, poison_;
  TrainConfig config0_, config_;
  QComboBox* setting_;
  QLineEdit* value_;
  QLabel* hint_;
  QLabel* errorLabel_;
  QString error_;
};

}  // namespace poisonlab::gui
