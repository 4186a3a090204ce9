#pragma once
// Influence functions, looked at: pick a test image (clean or triggered, by index) or every
// triggered source image, run the ranking as a job, and see the most helpful and the most
// harmful training samples as thumbnails with their scores, and how fast the ranking finds
// the poisons (poisons found against rank). Clicking a thumbnail selects it everywhere.

#include <QWidget>

#include "core/detect/detect.h"

class QCheckBox;
class QComboBox;
class QCustomPlot;
class QLabel;
class QListWidget;
class QPushButton;
class QSpinBox;

namespace poisonlab::gui {

class PixelView;
class Session;

class InfluenceView : public QWidget {
  Q_OBJECT
 public:
  explicit InfluenceView(Session* session, QWidget* parent = nullptr);
  /// The request for the chosen test point.
  DetectRequest request() const;
  /// Chooses the test point: -1 = every triggered source image; else `index` of the clean
  /// (triggered = false) or triggered test set.
  void setTestPoint(int index, bool triggered);
  /// Shows the result of this name.
  void setResult(const QString& name);
  QListWidget* helpfulList() const { return helpful_; }
  QListWidget* harmfulList() const { return harmful_; }
  QCustomPlot* foundPlot() const { return found_; }
  static constexpr int kThumbnails = 48;

 signals:
  void runRequested(const poisonlab::DetectRequest& request);

 private:
  void refreshResults();
  void showResult();
  void updatePreview();
  Session* session_;
  QComboBox* target_;
  QSpinBox* index_;
  QComboBox* mode_;
  QCheckBox* trueLabels_;
  PixelView* preview_;
  QLabel* previewText_;
  QPushButton* run_;
  QComboBox* result_;
  QLabel* summary_;
  QListWidget* helpful_;
  QListWidget* harmful_;
  QCustomPlot* found_;
};

}  // namespace poisonlab::gui
