#pragma once
// The scrolling grid of training thumbnails with its filter bar. The grid is a virtualised
// QListView over a SampleFilter, so 50,000 samples scroll smoothly.

#include <QWidget>

#include <memory>

#include "core/attack/poison.h"

class QComboBox;
class QLineEdit;
class QListView;
class QCheckBox;
class QLabel;
class QItemSelectionModel;

namespace poisonlab::gui {

class SampleModel;
class SampleFilter;
class SampleDelegate;

class SampleBrowser : public QWidget {
  Q_OBJECT
 public:
  explicit SampleBrowser(QWidget* parent = nullptr);
  void setDataset(std::shared_ptr<const PoisonedDataset> data);
  SampleModel* model() const { return model_; }
  SampleFilter* filter() const { return filter_; }
  QListView* view() const { return view_; }
  QItemSelectionModel* selectionModel() const;
  /// Selects and scrolls to the sample with this training index (clears filters hiding it).
  void selectSample(int sampleIndex);
  /// Moves the current sample `delta` places through the filtered list (Left/Right keys).
  void step(int delta);
  /// The model's class probabilities for every training image (empty clears); enables the
  /// prediction filter and sorting.
  void setPredictions(std::vector<float> probabilities, int classes);
  /// Writes the current filtered, sorted list as CSV (atomically). Throws Error naming the file.
  void exportCsv(const QString& path) const;
  /// The training indices of the current filtered, sorted list.
  std::vector<int> visibleIndices() const;

 signals:
  void currentSampleChanged(const QModelIndex& index);

 private:
  void updateCount();
  SampleModel* model_;
  SampleFilter* filter_;
  SampleDelegate* delegate_;
  QListView* view_;
  QComboBox* classBox_;
  QComboBox* poisonBox_;
  QComboBox* predictedBox_;
  QComboBox* sortBox_;
  QLineEdit* search_;
  QCheckBox* markTrigger_;
  QLabel* count_;
};

}  // namespace poisonlab::gui
