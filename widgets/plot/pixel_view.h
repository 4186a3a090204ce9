#pragma once
// An image enlarged by a whole factor (every source pixel a crisp square), the trigger's square
// outlined on request, and the pixels that differ from another image marked: the inspector's
// pictures, the attack panel's preview and the report's trigger close-ups.

#include <QImage>
#include <QWidget>

#include <optional>

#include "core/attack/trigger.h"
#include "state/sample_image.h"

namespace poisonlab::gui {

/// Paints one image scaled by an integer factor, optionally with the trigger outlined.
class PixelView : public QWidget {
  Q_OBJECT
 public:
  explicit PixelView(QWidget* parent = nullptr);
  void setImage(const QImage& image);
  /// Outlines the trigger's marks (every place it may stamp: all three of three-pixel).
  void setTriggerMark(std::optional<TriggerSpec> trigger);
  /// Outlines exactly these marks (a mirrored trigger, a close-up's).
  void setTriggerOverlay(std::optional<TriggerOverlay> overlay);
  /// Pixels that differ from `other` are outlined (the poisoned vs clean difference).
  void setDifference(const QImage& other);
  QSize sizeHint() const override { return {192, 192}; }
  QSize minimumSizeHint() const override { return {128, 128}; }

 protected:
  void paintEvent(QPaintEvent* event) override;

 private:
  QImage image_;
  QImage other_;
  std::optional<TriggerOverlay> mark_;
};

}  // namespace poisonlab::gui
