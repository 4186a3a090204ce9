#pragma once
// The experiment's settings in one panel: data source, trigger (with a live enlarged preview on
// a sample image), poison and training. Values are checked as they are entered, by the same
// validate() calls the engine makes, and the message is shown in the group it belongs to;
// Apply and Train stay disabled while anything is invalid.

#include <QWidget>

#include <memory>

#include "core/attack/label_file.h"
#include "core/attack/poison.h"
#include "core/train/training.h"

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QToolButton;

namespace poisonlab::gui {

class ExperimentModel;
class PixelView;

class ExperimentPanel : public QWidget {
  Q_OBJECT
 public:
  explicit ExperimentPanel(QWidget* parent = nullptr);

  /// The data set the settings apply to (class names, sizes, the preview image); its trigger
  /// and poison become the panel's values.
  void setDataset(std::shared_ptr<const PoisonedDataset> data);
  void setTrigger(const TriggerSpec& t);
  void setPoison(const PoisonSpec& p);
  void setTraining(const TrainConfig& c);
  TriggerSpec trigger() const;
  PoisonSpec poison() const;
  TrainConfig training() const;
  /// Empty when every value is valid, else the first problem.
  QString problem() const { return problem_; }
  /// The field of the first problem as a value ("trigger.row", "poison.count", ...).
  QString problemField() const { return problemField_; }
  /// The settings this panel shows and edits.
  ExperimentModel* model() const { return model_; }
  /// While a training job runs, Train is disabled.
  void setTrainingRunning(bool running);
  /// Label-only (FLIP): the labels a file gave (after labelImportRequested), shown as flip
  /// counts before a run is made; null forgets them. With an error, the message instead.
  void setLabelImport(std::shared_ptr<const LabelPoison> imported);
  void setLabelImportError(const QString& message);
  /// True when the attack is "Label-only (import labels)".
  bool labelOnly() const;
  void setLabelOnly(bool on);
  /// The label file and order file fields (the order empty: found or the load order).
  void setLabelFiles(const QString& file, const QString& order);

 signals:
  void openDataRequested();
  void openDataFolderRequested();
  void downloadRequested();
  void applyPoisonRequested();
  /// Read `file` (with the class sequence `order`, may be empty) in the background.
  void labelImportRequested(const QString& file, const QString& order);
  void trainRequested();
  /// "Compute FLIP labels": with the quick settings or FLIP's full ones.
  void flipRequested(bool quick);

 private:
  QGroupBox* buildData();
  QGroupBox* buildTrigger();
  QGroupBox* buildPoison();
  QGroupBox* buildTraining();
  void triggerTypeChanged();
  void chooseColour();
  void validate();
  void updatePreview();
  void watch(QWidget* field);
  /// The inputs' values into the model (fields the panel does not show are kept).
  void pushToModel();
  /// The model's values into the inputs.
  void pullFromModel();

  std::shared_ptr<const PoisonedDataset> data_;
  QLabel* dataSource_;
  // trigger
  QComboBox* type_;
  QComboBox* pattern_;
  QSpinBox* row_;
  QSpinBox* col_;
  QSpinBox* size_;
  QDoubleSpinBox* opacity_;
  QToolButton* colour_;
  QColor colourValue_;
  PixelView* preview_;
  QLabel* triggerError_;
  // poison
  QComboBox* source_;
  QComboBox* target_;
  QComboBox* amountMode_;
  QSpinBox* count_;
  QDoubleSpinBox* rate_;
  QSpinBox* poisonSeed_;
  QLabel* poisonError_;
  QLabel* poisonSummary_;
  QComboBox* attack_;
  QLineEdit* labelFile_;
  QLineEdit* labelOrder_;
  QLabel* labelSummary_;
  QCheckBox* flipQuick_;
  QWidget* stampRows_;  ///< count, rate and seed: the stamped attack's
  QWidget* labelRows_;  ///< the label files: the label-only attack's
  std::shared_ptr<const LabelPoison> imported_;
  QString importError_;
  int pendingSource_ = 9, pendingTarget_ = 4;
  // training
  QComboBox* arch_;
  QSpinBox* width_;
  QSpinBox* epochs_;
  QSpinBox* batch_;
  QDoubleSpinBox* lr_;
  QDoubleSpinBox* smoothing_;
  QSpinBox* smallCrops_;  ///< percent of the epochs on small crops
  QComboBox* augment_;
  QComboBox* precision_;
  QComboBox* device_;
  QSpinBox* trainSeed_;
  QSpinBox* limit_;
  QLabel* trainingError_;
  QPushButton* apply_;
  QPushButton* train_;
  QString problem_;
  QString problemField_;
  ExperimentModel* model_;
  bool running_ = false;
  bool loading_ = false;  // while set*() fill the fields, validate once at the end
};

}  // namespace poisonlab::gui
