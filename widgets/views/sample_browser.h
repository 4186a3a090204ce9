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
class Session;

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
  /// Follows the session: its data, predictions and detectors; keeps the grid's selection and
  /// current sample the same as the session's one selection (both ways), and tells the
  /// session which samples the filters show.
  void setSession(Session* session);
  /// Shows `detector`'s scores and flags (sortable, filterable); empty hides them.
  void showDetector(const QString& detector);
  /// Only samples the shown detector flagged (FlaggedOnly), did not flag, or any.
  void setFlagFilter(int flagFilter);

  /// Lists the training set (0), the clean test set (1) or the triggered test set (2).
  void setSplit(int split);

 signals:
  void currentSampleChanged(const QModelIndex& index);
  /// A sample double-clicked or Enter pressed on it: the user wants it inspected.
  void sampleActivated(const QModelIndex& index);
  /// A test image became current (a test split is listed): `triggered` for the triggered set.
  void testSampleChosen(int index, bool triggered);

 private:
  void updateCount();
  void refreshDetectors();
  /// A click or key on `index` with `mods`: select it (Ctrl toggles, Shift a range).
  void selectFromGrid(const QModelIndex& index, Qt::KeyboardModifiers mods);
  void pullSelectionFromSession();
  void pushShown();
  SampleModel* model_;
  SampleFilter* filter_;
  SampleDelegate* delegate_;
  QListView* view_;
  QComboBox* classBox_;
  QComboBox* poisonBox_;
  QComboBox* predictedBox_;
  QComboBox* sortBox_;
  QComboBox* splitBox_;
  QComboBox* detectorBox_;
  QComboBox* flagBox_;
  Session* session_ = nullptr;
  bool syncing_ = false;
  bool shownPending_ = false;
  int anchorRow_ = -1;  // where a Shift range starts
  QLineEdit* search_;
  QCheckBox* markTrigger_;
  QLabel* count_;
};

}  // namespace poisonlab::gui
