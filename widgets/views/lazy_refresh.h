#pragma once
// A view's refresh that waits while the view is a hidden tab of a shown window: a detector
// result or a filter change then costs the GUI thread nothing for the views nobody looks at,
// and the view catches up once, when it is shown. Outside a shown window (a view on its own,
// as in tests) the refresh runs at once.

#include <QComboBox>
#include <QEvent>
#include <QObject>
#include <QWidget>

#include <functional>

#include "state/session.h"

namespace poisonlab::gui {

class LazyRefresh : public QObject {
 public:
  LazyRefresh(QWidget* view, std::function<void()> refresh)
      : QObject(view), view_(view), refresh_(std::move(refresh)) {
    view->installEventFilter(this);
  }
  /// Refreshes now, or when the view is next shown.
  void request() {
    if (view_->window()->isVisible() && !view_->isVisible()) {
      pending_ = true;
      return;
    }
    pending_ = false;
    refresh_();
  }
  bool pending() const { return pending_; }

 protected:
  bool eventFilter(QObject* watched, QEvent* event) override {
    if (watched == view_ && event->type() == QEvent::Show && pending_) {
      pending_ = false;
      refresh_();
    }
    return false;
  }

 private:
  QWidget* view_;
  std::function<void()> refresh_;
  bool pending_ = false;
};

/// A lazy refresh of `view` whenever the session's data, detector results or shown samples
/// change: what every analysis view follows.
inline LazyRefresh* refreshOnResults(QWidget* view, Session* session,
                                     std::function<void()> refresh) {
  auto* lazy = new LazyRefresh(view, std::move(refresh));
  QObject::connect(session, &Session::dataChanged, lazy, &LazyRefresh::request);
  QObject::connect(session, &Session::detectionsChanged, lazy, &LazyRefresh::request);
  QObject::connect(session, &Session::shownChanged, lazy, &LazyRefresh::request);
  return lazy;
}

/// What the user chose in a view's detector and class boxes (empty and -1: the view's default,
/// e.g. the attacked class), kept across refreshes and forgotten when other data are opened.
struct ViewChoice {
  QString detector;
  int cls = -1;
  /// Follows the boxes' user activations and the session's data changes (connect this before
  /// the view's own refresh, so the refresh sees the reset).
  void follow(QObject* view, QComboBox* detectorBox, QComboBox* classBox, Session* session) {
    QObject::connect(detectorBox, &QComboBox::activated, view,
                     [this, detectorBox] { detector = detectorBox->currentText(); });
    QObject::connect(classBox, &QComboBox::activated, view,
                     [this, classBox] { cls = classBox->currentIndex(); });
    QObject::connect(session, &Session::dataChanged, view, [this] {
      detector.clear();
      cls = -1;
    });
  }
};

}  // namespace poisonlab::gui
