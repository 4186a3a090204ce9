#pragma once
// The selected sample enlarged (nearest neighbour): the image the model sees next to the clean
// original, the trigger's square outlined on request, and its index and labels.

#include <QWidget>

#include <optional>

#include "core/attack/trigger.h"

class QLabel;
class QCheckBox;
class QModelIndex;
class QCustomPlot;

namespace poisonlab::gui {

/// Paints one image scaled by an integer factor, optionally with the trigger outlined.
class PixelView : public QWidget {
  Q_OBJECT
 public:
  explicit PixelView(QWidget* parent = nullptr);
  void setImage(const QImage& image);
  void setTriggerMark(std::optional<TriggerSpec> trigger);
  /// Pixels that differ from `other` are outlined (the poisoned vs clean difference).
  void setDifference(const QImage& other);
  QSize sizeHint() const override { return {192, 192}; }
  QSize minimumSizeHint() const override { return {128, 128}; }

 protected:
  void paintEvent(QPaintEvent* event) override;

 private:
  QImage image_;
  QImage other_;
  std::optional<TriggerSpec> mark_;
};

class SampleInspector : public QWidget {
  Q_OBJECT
 public:
  explicit SampleInspector(QWidget* parent = nullptr);
  /// Shows the sample at `index` of a SampleModel (or a filter over one); invalid clears.
  void showSample(const QModelIndex& index);
  void setTrigger(std::optional<TriggerSpec> trigger);
  bool triggerOverlay() const;
  void setTriggerOverlay(bool on);
  /// The class-probability bar chart (hidden until a model has predicted).
  QCustomPlot* probabilityChart() const { return chart_; }

 signals:
  /// Left/Right pressed in the inspector: step through the current filtered list.
  void stepRequested(int delta);

 protected:
  void keyPressEvent(QKeyEvent* event) override;

 private:
  void refreshMarks();
  void showProbabilities(const QList<float>& probabilities, const QStringList& names, int label,
                         int original);
  PixelView* modelView_;
  PixelView* cleanView_;
  QLabel* title_;
  QLabel* details_;
  QCheckBox* overlay_;
  QCustomPlot* chart_;
  std::optional<TriggerSpec> trigger_;
};

}  // namespace poisonlab::gui
