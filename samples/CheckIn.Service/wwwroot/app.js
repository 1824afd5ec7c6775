// CheckIn.Service pages: the language switch, requests in the reader's language, problem details shown per code.
// Plain JavaScript served as is (no front-end build). Vietnamese first; the choice is kept in localStorage.
"use strict";

const TEXT = {
  vi: {
    "nav.home": "Trang chủ", "nav.venue": "Đăng ký địa điểm", "nav.desk": "Bàn kiểm soát", "nav.tracer": "Truy vết", "nav.checkpoint": "Chốt kiểm soát",
    "lang.switch": "English",
    "home.title": "Khai báo và truy vết qua mã QR",
    "home.venue": "Chủ địa điểm: đăng ký và in mã QR địa điểm.",
    "home.desk": "Nhân viên tại địa điểm: quét mã của khách bằng camera hoặc dán mã.",
    "home.checkin": "Người dân: quét mã QR địa điểm bằng camera điện thoại, trang khai báo mở ra, không cần ứng dụng.",
    "home.tracer": "Cán bộ y tế: truy vết F1, F2 của một ca bệnh và gọi điện theo dõi.",
    "home.checkpoint": "Chốt kiểm soát: quét CCCD, mã 1405, thẻ Hue-S hoặc hộ chiếu vắc xin và quyết định cho qua.",
    "venue.title": "Đăng ký địa điểm", "venue.step1": "1. Thông tin địa điểm", "venue.step2": "2. Người đăng ký", "venue.step3": "3. Mã QR địa điểm",
    "venue.name": "Tên địa điểm", "venue.kind": "Loại hình", "venue.province": "Tỉnh/thành phố", "venue.commune": "Xã/phường", "venue.street": "Số nhà, đường",
    "venue.registrant": "Họ tên người đăng ký", "venue.phone": "Số điện thoại người đăng ký",
    "venue.next": "Tiếp tục", "venue.back": "Quay lại", "venue.submit": "Đăng ký và nhận mã QR",
    "venue.review": "Kiểm tra lại trước khi đăng ký:", "venue.done": "Đã đăng ký. In mã này khổ tối thiểu 15 × 15 cm và dán ở lối vào.",
    "venue.png": "Tải ảnh PNG", "venue.svg": "Tải SVG", "venue.print": "In", "venue.another": "Đăng ký địa điểm khác",
    "kind.market": "Chợ", "kind.supermarket": "Siêu thị", "kind.school": "Trường học", "kind.hospital": "Cơ sở y tế", "kind.office": "Cơ quan, văn phòng",
    "kind.factory": "Nhà máy", "kind.restaurant": "Nhà hàng, quán ăn", "kind.placeOfWorship": "Cơ sở tôn giáo", "kind.transport": "Phương tiện, nhà ga", "kind.checkpoint": "Chốt kiểm soát", "kind.other": "Khác",
    "desk.title": "Bàn kiểm soát ra vào", "desk.venue": "Địa điểm", "desk.direction": "Chiều", "desk.in": "Vào", "desk.out": "Ra",
    "desk.camera": "Bật camera", "desk.stop": "Tắt camera", "desk.paste": "Hoặc dán nội dung mã (mã 1405, CCCD gắn chip, thẻ BHYT)", "desk.record": "Ghi nhận",
    "desk.who": "Khách đã ghi nhận", "desk.time": "Giờ", "desk.person": "Khách", "desk.status": "Kết quả", "desk.recorded": "Đã ghi nhận", "desk.repeated": "Đã có (gửi lại)",
    "desk.nocamera": "Không mở được camera: ", "desk.novenue": "Chưa có địa điểm nào được đăng ký.",
    "checkin.title": "Khai báo ra vào địa điểm", "checkin.checking": "Đang kiểm tra mã…", "checkin.verified": "Mã địa điểm hợp lệ, do cơ quan cấp ký số.",
    "checkin.invalid": "Mã QR này không hợp lệ. Đừng khai báo tại đây.", "checkin.by1405": "Bằng mã QR cá nhân (1405)", "checkin.byphone": "Bằng số điện thoại",
    "checkin.code": "Dán nội dung mã QR cá nhân", "checkin.image": "hoặc chọn ảnh chụp mã QR cá nhân", "checkin.phone": "Số điện thoại", "checkin.name": "Họ và tên",
    "checkin.in": "Khai báo vào", "checkin.out": "Khai báo ra", "checkin.done.in": "Đã ghi nhận bạn vào lúc ", "checkin.done.out": "Đã ghi nhận bạn ra lúc ",
    "checkin.note": "Thông tin chỉ dùng để truy vết khi có ca bệnh; số điện thoại được mã hóa trước khi lưu vào chỉ mục.", "checkin.noqr": "Không tìm thấy mã QR trong ảnh.",
    "tracer.title": "Truy vết tiếp xúc", "tracer.key": "Khóa API của cán bộ", "tracer.case": "Ca bệnh (F0)", "tracer.kind": "Loại định danh", "tracer.id": "Số định danh",
    "tracer.from": "Từ", "tracer.until": "Đến", "tracer.overlap": "Thời gian tiếp xúc tối thiểu (phút)", "tracer.depth": "Số bậc (1 = F1, 2 = đến F2)", "tracer.run": "Truy vết",
    "tracer.summary": "Kết quả", "tracer.list": "Danh sách tiếp xúc", "tracer.graph": "Sơ đồ lây nhiễm", "tracer.level": "Bậc", "tracer.person": "Người tiếp xúc", "tracer.phone": "Điện thoại",
    "tracer.where": "Nơi, lúc", "tracer.minutes": "Phút", "tracer.score": "Nguy cơ", "tracer.followup": "Theo dõi", "tracer.save": "Lưu", "tracer.saved": "Đã lưu",
    "tracer.assumed": "phần giả định (không khai báo ra)", "tracer.unknown": "chưa có thông tin liên lạc", "tracer.none": "Không có ai tiếp xúc trong khoảng thời gian này.",
    "tracer.contacts": "người tiếp xúc", "outcome.reached": "Đã gọi được", "outcome.no-answer": "Không nghe máy", "outcome.wrong-number": "Sai số", "outcome.refused": "Từ chối",
    "pass.title": "Chốt kiểm soát", "pass.checkpoint": "Chốt (ghi nhận vào chốt)", "pass.norecord": "Không ghi nhận", "pass.scans": "Mã đã quét (mỗi dòng một mã: CCCD, mã 1405, thẻ Hue-S, hộ chiếu vắc xin HC1:)",
    "pass.lookups": "Tra cứu", "pass.vaccinated": "Ngày tiêm mũi cuối", "pass.dose": "Mũi / số mũi cơ bản", "pass.test": "Xét nghiệm", "pass.none": "Không có",
    "pass.rapidNegative": "Test nhanh âm tính", "pass.rapidPositive": "Test nhanh dương tính", "pass.sampled": "Thời điểm lấy mẫu", "pass.declared": "Khai báo y tế lúc",
    "pass.symptoms": "Có triệu chứng", "pass.exposure": "Có yếu tố dịch tễ", "pass.decide": "Kiểm tra", "pass.recorded": "Đã ghi nhận vào chốt, số", "pass.unauthorized": "Khóa API không đúng.",
    "error.network": "Không kết nối được máy chủ.",
  },
  en: {
    "nav.home": "Home", "nav.venue": "Register a venue", "nav.desk": "Check-in desk", "nav.tracer": "Tracing", "nav.checkpoint": "Checkpoint",
    "lang.switch": "Tiếng Việt",
    "home.title": "Check-in and contact tracing by QR code",
    "home.venue": "Venue owners: register and print your venue's QR code.",
    "home.desk": "Venue staff: scan visitors' codes with the camera, or paste a code.",
    "home.checkin": "Visitors: point your phone's camera at a venue's QR code; the check-in page opens, no app needed.",
    "home.tracer": "Health staff: trace a case's F1 and F2 contacts and follow them up by phone.",
    "home.checkpoint": "Checkpoints: scan an ID card, 1405 code, Hue-S card or vaccine passport and decide who passes.",
    "venue.title": "Register a venue", "venue.step1": "1. The venue", "venue.step2": "2. Who registers it", "venue.step3": "3. The venue's QR code",
    "venue.name": "Venue name", "venue.kind": "Kind of venue", "venue.province": "Province or city", "venue.commune": "Commune or ward", "venue.street": "Street address",
    "venue.registrant": "Registrant's full name", "venue.phone": "Registrant's phone",
    "venue.next": "Next", "venue.back": "Back", "venue.submit": "Register and get the QR code",
    "venue.review": "Check before you register:", "venue.done": "Registered. Print this code at least 15 × 15 cm and put it up at the entrance.",
    "venue.png": "Download PNG", "venue.svg": "Download SVG", "venue.print": "Print", "venue.another": "Register another venue",
    "kind.market": "Market", "kind.supermarket": "Supermarket", "kind.school": "School", "kind.hospital": "Health facility", "kind.office": "Office",
    "kind.factory": "Factory", "kind.restaurant": "Restaurant", "kind.placeOfWorship": "Place of worship", "kind.transport": "Transport", "kind.checkpoint": "Checkpoint", "kind.other": "Other",
    "desk.title": "Check-in desk", "desk.venue": "Venue", "desk.direction": "Direction", "desk.in": "In", "desk.out": "Out",
    "desk.camera": "Start camera", "desk.stop": "Stop camera", "desk.paste": "Or paste the code's text (1405 code, chip ID card, health-insurance card)", "desk.record": "Record",
    "desk.who": "Visitors recorded", "desk.time": "Time", "desk.person": "Visitor", "desk.status": "Result", "desk.recorded": "Recorded", "desk.repeated": "Already recorded (retry)",
    "desk.nocamera": "The camera could not be opened: ", "desk.novenue": "No venue is registered yet.",
    "checkin.title": "Check in at a venue", "checkin.checking": "Checking the code…", "checkin.verified": "A valid venue code, signed by the issuing authority.",
    "checkin.invalid": "This QR code is not valid. Do not check in here.", "checkin.by1405": "With my personal QR code (1405)", "checkin.byphone": "With my phone number",
    "checkin.code": "Paste your personal QR code's text", "checkin.image": "or choose a photo of your personal QR code", "checkin.phone": "Phone number", "checkin.name": "Full name",
    "checkin.in": "Check in", "checkin.out": "Check out", "checkin.done.in": "You were checked in at ", "checkin.done.out": "You were checked out at ",
    "checkin.note": "Used only to trace contacts of a case; your phone number is pseudonymized before it enters the index.", "checkin.noqr": "No QR code found in the photo.",
    "tracer.title": "Contact tracing", "tracer.key": "Staff API key", "tracer.case": "Case (F0)", "tracer.kind": "Identifier kind", "tracer.id": "Identifier",
    "tracer.from": "From", "tracer.until": "Until", "tracer.overlap": "Minimum overlap (minutes)", "tracer.depth": "Depth (1 = F1, 2 = up to F2)", "tracer.run": "Trace",
    "tracer.summary": "Result", "tracer.list": "Contacts", "tracer.graph": "Transmission graph", "tracer.level": "Level", "tracer.person": "Contact", "tracer.phone": "Phone",
    "tracer.where": "Where, when", "tracer.minutes": "Minutes", "tracer.score": "Risk", "tracer.followup": "Follow-up", "tracer.save": "Save", "tracer.saved": "Saved",
    "tracer.assumed": "assumed tail (no check-out)", "tracer.unknown": "no contact details", "tracer.none": "Nobody shared a place and time with the case in this window.",
    "tracer.contacts": "contacts", "outcome.reached": "Reached", "outcome.no-answer": "No answer", "outcome.wrong-number": "Wrong number", "outcome.refused": "Refused",
    "pass.title": "Checkpoint", "pass.checkpoint": "Checkpoint (recorded there)", "pass.norecord": "Do not record", "pass.scans": "Codes scanned (one a line: chip ID card, 1405 code, Hue-S card, vaccine passport HC1:)",
    "pass.lookups": "Looked up", "pass.vaccinated": "Last dose on", "pass.dose": "Dose / series", "pass.test": "Test", "pass.none": "None",
    "pass.rapidNegative": "Rapid test negative", "pass.rapidPositive": "Rapid test positive", "pass.sampled": "Sample taken at", "pass.declared": "Health declaration at",
    "pass.symptoms": "Symptoms", "pass.exposure": "Exposure", "pass.decide": "Check", "pass.recorded": "Recorded at the checkpoint, log", "pass.unauthorized": "The API key is wrong.",
    "error.network": "The server could not be reached.",
  },
};

const CheckIn = {
  lang: localStorage.getItem("checkin.lang") === "en" ? "en" : "vi",

  t(key) { return TEXT[this.lang][key] ?? TEXT.vi[key] ?? key; },

  /** Fills every element marked data-i18n (text) or data-i18n-placeholder. */
  translate(root = document) {
    document.documentElement.lang = this.lang;
    root.querySelectorAll("[data-i18n]").forEach(e => { e.textContent = this.t(e.dataset.i18n); });
    root.querySelectorAll("[data-i18n-placeholder]").forEach(e => { e.placeholder = this.t(e.dataset.i18nPlaceholder); });
    const button = document.getElementById("lang");
    if (button) { button.textContent = this.t("lang.switch"); }
  },

  /** The page header: the site's pages and the language switch. */
  header() {
    const header = document.createElement("header");
    header.innerHTML = `<a class="brand" href="/">CheckIn</a><nav>
      <a href="/venue.html" data-i18n="nav.venue"></a><a href="/desk.html" data-i18n="nav.desk"></a><a href="/tracer.html" data-i18n="nav.tracer"></a><a href="/checkpoint.html" data-i18n="nav.checkpoint"></a></nav>
      <button id="lang" type="button"></button>`;
    document.body.prepend(header);
    header.querySelector("#lang").addEventListener("click", () => {
      this.lang = this.lang === "vi" ? "en" : "vi";
      localStorage.setItem("checkin.lang", this.lang);
      this.translate();
      document.dispatchEvent(new Event("checkin:language"));
    });
    this.translate();
  },

  /** A request in the reader's language; resolves to { ok, status, body } with the body parsed when it is JSON. */
  async request(method, url, body, headers = {}) {
    const init = { method, headers: { "Accept-Language": this.lang, ...headers } };
    if (body instanceof Blob) { init.body = body; }
    else if (body !== undefined) { init.body = JSON.stringify(body); init.headers["Content-Type"] = "application/json"; }
    let response;
    try { response = await fetch(url, init); } catch { return { ok: false, status: 0, body: { title: this.t("error.network") } }; }
    const type = response.headers.get("Content-Type") || "";
    const parsed = type.includes("json") ? await response.json() : null;
    return { ok: response.ok, status: response.status, body: parsed };
  },

  /** Renders problem details: its title and each coded error, in the language it was asked in. */
  showProblem(element, problem) {
    element.replaceChildren();
    const title = document.createElement("div");
    title.className = "error";
    title.textContent = problem?.title ?? String(problem?.status ?? "");
    element.append(title);
    const list = document.createElement("ul");
    list.className = "errors";
    for (const error of problem?.errors ?? []) {
      const item = document.createElement("li");
      item.textContent = (error.message ?? "") + (error.property ? ` (${error.property})` : "") + " ";
      const code = document.createElement("code");
      code.textContent = error.code;
      item.append(code);
      list.append(item);
    }
    element.append(list);
  },

  /** A camera frame as a binary PGM (grey levels), at most maxWidth wide: what POST /scan decodes. */
  framePgm(source, width, height, maxWidth = 640) {
    const scale = Math.min(1, maxWidth / width);
    const w = Math.max(1, Math.round(width * scale)), h = Math.max(1, Math.round(height * scale));
    const canvas = document.createElement("canvas");
    canvas.width = w; canvas.height = h;
    const context = canvas.getContext("2d", { willReadFrequently: true });
    context.drawImage(source, 0, 0, w, h);
    const rgba = context.getImageData(0, 0, w, h).data;
    const header = new TextEncoder().encode(`P5\n${w} ${h}\n255\n`);
    const bytes = new Uint8Array(header.length + w * h);
    bytes.set(header);
    for (let i = 0, j = header.length; i < rgba.length; i += 4, j++) {
      bytes[j] = (rgba[i] * 299 + rgba[i + 1] * 587 + rgba[i + 2] * 114) / 1000;
    }
    return new Blob([bytes], { type: "image/x-portable-graymap" });
  },

  time(iso) { return new Date(iso).toLocaleString(this.lang === "vi" ? "vi-VN" : "en-GB", { timeZone: "Asia/Ho_Chi_Minh" }); },
};
