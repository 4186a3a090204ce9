#pragma once
// Paints one thumbnail of the sample grid: the image enlarged without smoothing, its index and
// class, a badge on poisoned samples and, when switched on, the trigger's location.

#include <QStyledItemDelegate>

#include <optional>

#include "core/attack/trigger.h"

namespace poisonlab::gui {

class SampleDelegate : public QStyledItemDelegate {
  Q_OBJECT
 public:
  explicit SampleDelegate(QObject* parent = nullptr);
  void setThumbnailSize(int pixels);
  int thumbnailSize() const { return thumb_; }
  /// Outline the trigger square on every thumbnail (nullopt: off).
  void setTriggerMark(std::optional<TriggerSpec> trigger) { mark_ = std::move(trigger); }

  void paint(QPainter* painter, const QStyleOptionViewItem& option,
             const QModelIndex& index) const override;
  QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;

 private:
  int thumb_ = 64;
  std::optional<TriggerSpec> mark_;
};

}  // namespace poisonlab::gui
