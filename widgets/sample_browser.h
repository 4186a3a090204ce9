#pragma once
// The scrolling grid of training thumbnails with its filter bar. The grid is a virtualised
// QListView over a SampleFilter, so 50,000 samples scroll smoothly.

#include <QWidget>

#include <memory>

#include "core/poison.h"

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
  QLineEdit* search_;
  QCheckBox* markTrigger_;
  QLabel* count_;
};

}  // namespace poisonlab::gui
