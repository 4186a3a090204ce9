#pragma once
// The open workbench as one object: the loaded data, the run folder, its model versions (the
// trained model and every unlearning result, one of them current, changed through an undo
// stack), the detector results, the model's predictions and the one selection of samples that
// every view shares. Views read it and listen to its signals; jobs (app/gui/jobs.h) fill it.

#include <QObject>
#include <QString>
#include <QStringList>
#include <QVector>

#include <memory>
#include <optional>
#include <vector>

#include "core/attack/poison.h"
#include "core/detect/detect.h"
#include "core/train/training.h"

class QUndoStack;

namespace poisonlab::gui {

/// The training samples selected in any view (training indices, ascending) and the current one.
class SampleSelection : public QObject {
  Q_OBJECT
 public:
  enum class Mode { Replace, Add, Remove, Toggle };
  explicit SampleSelection(QObject* parent = nullptr) : QObject(parent) {}
  const std::vector<int>& indices() const { return indices_; }
  int size() const { return static_cast<int>(indices_.size()); }
  bool isEmpty() const { return indices_.empty(); }
  bool contains(int index) const;
  /// The current sample (the inspector's), -1 for none.
  int current() const { return current_; }
  /// Changes the selection; emits changed() once when it differs.
  void select(std::vector<int> indices, Mode mode = Mode::Replace);
  void clear() { select({}); }
  void setCurrent(int index);
  /// The selection as a CSV of training indices (header "index"), the CLI's --forget FILE.csv
  /// format; written atomically. Throws Error naming the file.
  void exportCsv(const QString& path) const;

 signals:
  void changed();
  void currentChanged(int index);

 private:
  std::vector<int> indices_;
  int current_ = -1;
};

/// One model of the run: the trained one or an unlearning result.
struct ModelVersion {
  QString name;    ///< "original" or the unlearning result's name
  QString method;  ///< "trained", "ssd", "retrain", "finetune"
  QString modelPath;
  QString recordPath;              ///< RUN/unlearn/<name>.json; empty for the original
  std::optional<EvalReport> eval;  ///< clean accuracy, ASR, ... when known
  std::size_t forgetSize = 0, forgetPoisons = 0;
  double alpha = 0, lambda = 0;  ///< SSD's settings
  double seconds = 0;
  QString forgetSource;
};

class Session : public QObject {
  Q_OBJECT
 public:
  explicit Session(QObject* parent = nullptr);
  ~Session() override;

  // ---- data and run
  std::shared_ptr<const Dataset> cleanData() const { return clean_; }
  std::shared_ptr<const PoisonedDataset> data() const { return data_; }
  QString runDir() const { return runDir_; }
  bool hasData() const { return data_ != nullptr; }
  QStringList classNames() const;
  /// A new data set (and run folder, empty for an unsaved run): clears detections, versions,
  /// predictions, selection and history.
  void setData(std::shared_ptr<const Dataset> clean, std::shared_ptr<const PoisonedDataset> data,
               const QString& runDir);
  /// The same data now lives in (or was saved to) `dir`.
  void setRunDir(const QString& dir);

  // ---- training
  const std::optional<TrainResult>& trainResult() const { return train_; }
  void setTrainResult(std::optional<TrainResult> result);
  /// The current version's evaluation, else the training's; null when there is no model.
  const EvalReport* modelEvaluation() const;
  /// Whether the backdoor took in the current model (ASR and poison fit both at least 50 %);
  /// true when unknown.
  bool attackTook() const;

  // ---- detectors
  const QVector<std::shared_ptr<const DetectionReport>>& detections() const { return detections_; }
  std::shared_ptr<const DetectionReport> detection(const QString& name) const;
  /// Adds (or replaces, by name) a detector's result.
  void addDetection(std::shared_ptr<const DetectionReport> report);
  /// Every detector's score (and flag) of a training sample: {name, score, flagged}; NaN when
  /// the detector did not score it.
  struct SampleScore {
    QString detector;
    double score;
    bool flagged;
  };
  QVector<SampleScore> scoresOf(int index) const;
  /// A detector's score for every training sample (NaN where unscored).
  std::vector<double> scoreColumn(const QString& name) const;

  // ---- model versions (undoable)
  const QVector<ModelVersion>& versions() const { return versions_; }
  int currentVersion() const { return current_; }
  const ModelVersion* current() const;
  int versionIndex(const QString& name) const;
  /// Sets the versions found in the run folder (the original first); the original is current.
  void setVersions(QVector<ModelVersion> versions);
  /// A new result: added and made current as one undoable step.
  void addVersion(const ModelVersion& version);
  /// A fuller evaluation (per class, confusion) of the version of this name.
  void setVersionEvaluation(const QString& name, const EvalReport& eval);
  /// Adds a version without making it current (a sweep's rows); one of the same name is kept.
  void appendVersion(const ModelVersion& version);
  /// Makes version `index` current as an undoable step.
  void makeCurrent(int index);
  QUndoStack* undoStack() const { return undo_; }

  // ---- predictions of the current version on the training set
  const std::vector<float>& predictions() const { return probabilities_; }
  void setPredictions(std::vector<float> probabilities);

  SampleSelection* selection() const { return selection_; }

  // ---- what the grid's filters show (every view honours it)
  /// One flag per training sample: shown by the grid's filters. Empty means every sample.
  const std::vector<std::uint8_t>& shown() const { return shown_; }
  bool isShown(int index) const {
    return shown_.empty() || (index >= 0 && std::size_t(index) < shown_.size() && shown_[index]);
  }
  int shownCount() const;
  void setShown(std::vector<std::uint8_t> shown);

 signals:
  void dataChanged();
  void runDirChanged(const QString& dir);
  void trainResultChanged();
  void detectionsChanged();
  void versionsChanged();
  void currentVersionChanged(int index);
  void predictionsChanged();
  void shownChanged();

 private:
  friend class VersionCommand;
  void insertVersion(int at, const ModelVersion& v);
  void removeVersion(int at);
  void setCurrentDirect(int index);

  std::shared_ptr<const Dataset> clean_;
  std::shared_ptr<const PoisonedDataset> data_;
  QString runDir_;
  std::optional<TrainResult> train_;
  QVector<std::shared_ptr<const DetectionReport>> detections_;
  QVector<ModelVersion> versions_;
  int current_ = -1;
  std::vector<float> probabilities_;
  std::vector<std::uint8_t> shown_;
  QUndoStack* undo_;
  SampleSelection* selection_;
};

}  // namespace poisonlab::gui
