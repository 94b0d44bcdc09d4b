// Drops a file on an X11 window the way a file manager does, through the XDND protocol
// (freedesktop.org XDND version 5), so the viewer's "open by dropping a file" can be tested
// under Xvfb, where xdotool can move and click but not drag between programs.
//   xdnd_drop WINDOW_ID PATH X Y    (X, Y: root coordinates over the window)
// Exit status 0 when the target accepted and finished the drop, 1 otherwise.
#include <X11/Xatom.h>
#include <X11/Xlib.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>

namespace {

struct Atoms {
  Atom aware, enter, position, status, drop, finished, selection, action_copy, uri_list;
};

void send(Display* d, Window target, Atom type, long l0, long l1, long l2, long l3, long l4) {
  XEvent e{};
  e.xclient.type = ClientMessage;
  e.xclient.display = d;
  e.xclient.window = target;
  e.xclient.message_type = type;
  e.xclient.format = 32;
  e.xclient.data.l[0] = l0;
  e.xclient.data.l[1] = l1;
  e.xclient.data.l[2] = l2;
  e.xclient.data.l[3] = l3;
  e.xclient.data.l[4] = l4;
  XSendEvent(d, target, False, NoEventMask, &e);
  XFlush(d);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 5) {
    std::fprintf(stderr, "usage: xdnd_drop WINDOW_ID PATH X Y\n");
    return 2;
  }
  Display* d = XOpenDisplay(nullptr);
  if (!d) {
    std::fprintf(stderr, "xdnd_drop: no display\n");
    return 1;
  }
  const Window target = std::strtoul(argv[1], nullptr, 0);
  std::string uri = "file://";
  uri.append(argv[2]).append("\r\n");
  const long x = std::atol(argv[3]), y = std::atol(argv[4]);
  const Atoms a{XInternAtom(d, "XdndAware", False),    XInternAtom(d, "XdndEnter", False),
                XInternAtom(d, "XdndPosition", False), XInternAtom(d, "XdndStatus", False),
                XInternAtom(d, "XdndDrop", False),     XInternAtom(d, "XdndFinished", False),
                XInternAtom(d, "XdndSelection", False), XInternAtom(d, "XdndActionCopy", False),
                XInternAtom(d, "text/uri-list", False)};

  // The target must say it speaks XDND.
  Atom type;
  int format;
  unsigned long items, rest;
  unsigned char* data = nullptr;
  if (XGetWindowProperty(d, target, a.aware, 0, 1, False, XA_ATOM, &type, &format, &items, &rest, &data) != Success ||
      items == 0) {
    std::fprintf(stderr, "xdnd_drop: window 0x%lx is not XdndAware\n", target);
    return 1;
  }
  XFree(data);

  const Window source = XCreateSimpleWindow(d, DefaultRootWindow(d), 0, 0, 1, 1, 0, 0, 0);
  XSetSelectionOwner(d, a.selection, source, CurrentTime);
  send(d, target, a.enter, long(source), 5L << 24, long(a.uri_list), 0, 0);
  send(d, target, a.position, long(source), 0, (x << 16) | y, CurrentTime, long(a.action_copy));

  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (std::chrono::steady_clock::now() < deadline) {
    if (!XPending(d)) {
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
      continue;
    }
    XEvent e;
    XNextEvent(d, &e);
    if (e.type == ClientMessage && e.xclient.message_type == a.status) {
      if (!(e.xclient.data.l[1] & 1)) {
        std::fprintf(stderr, "xdnd_drop: the target refused the drop\n");
        return 1;
      }
      send(d, target, a.drop, long(source), 0, CurrentTime, 0, 0);
    } else if (e.type == SelectionRequest) {
      // The target asks for the dropped data: the file's URI.
      const XSelectionRequestEvent& r = e.xselectionrequest;
      XEvent reply{};
      reply.xselection.type = SelectionNotify;
      reply.xselection.display = d;
      reply.xselection.requestor = r.requestor;
      reply.xselection.selection = r.selection;
      reply.xselection.target = r.target;
      reply.xselection.time = r.time;
      reply.xselection.property = None;
      if (r.target == a.uri_list) {
        XChangeProperty(d, r.requestor, r.property, a.uri_list, 8, PropModeReplace,
                        reinterpret_cast<const unsigned char*>(uri.data()), int(uri.size()));
        reply.xselection.property = r.property;
      }
      XSendEvent(d, r.requestor, False, NoEventMask, &reply);
      XFlush(d);
    } else if (e.type == ClientMessage && e.xclient.message_type == a.finished) {
      XCloseDisplay(d);
      return 0;
    }
  }
  std::fprintf(stderr, "xdnd_drop: no XdndFinished within 10 s\n");
  return 1;
}
