"""Who held Vietnam's top offices when: the terms a data test checks leaders' titles against.

Each term is (English name, Vietnamese name, first day, last day). A title
that names a leader by an office ("Prime Minister Nguyen Tan Dung") must
describe an event that overlaps that leader's term in that office: the most
common defect outside checks found was a leader named by an office held
before or after the event. 1981-1992 heads of government chaired the
Council of Ministers (in Vietnamese "Chủ tịch Hội đồng Bộ trưởng").
"""

from __future__ import annotations

import datetime as dt

D = dt.date
OPEN = D(2099, 12, 31)  # still in office
TERMS: dict[str, list[tuple[str, str, dt.date, dt.date]]] = {
    "general_secretary": [
        ("Le Duan", "Lê Duẩn", D(1960, 9, 10), D(1986, 7, 10)),
        ("Truong Chinh", "Trường Chinh", D(1986, 7, 14), D(1986, 12, 18)),
        ("Nguyen Van Linh", "Nguyễn Văn Linh", D(1986, 12, 18), D(1991, 6, 28)),
        ("Do Muoi", "Đỗ Mười", D(1991, 6, 28), D(1997, 12, 26)),
        ("Le Kha Phieu", "Lê Khả Phiêu", D(1997, 12, 26), D(2001, 4, 22)),
        ("Nong Duc Manh", "Nông Đức Mạnh", D(2001, 4, 22), D(2011, 1, 19)),
        ("Nguyen Phu Trong", "Nguyễn Phú Trọng", D(2011, 1, 19), D(2024, 7, 19)),
        ("To Lam", "Tô Lâm", D(2024, 8, 3), OPEN),
    ],
    "president": [
        ("Ho Chi Minh", "Hồ Chí Minh", D(1945, 9, 2), D(1969, 9, 2)),
        ("Ton Duc Thang", "Tôn Đức Thắng", D(1969, 9, 3), D(1980, 3, 30)),
        ("Truong Chinh", "Trường Chinh", D(1981, 7, 4), D(1987, 6, 18)),
        ("Vo Chi Cong", "Võ Chí Công", D(1987, 6, 18), D(1992, 9, 23)),
        ("Le Duc Anh", "Lê Đức Anh", D(1992, 9, 23), D(1997, 9, 24)),
        ("Tran Duc Luong", "Trần Đức Lương", D(1997, 9, 24), D(2006, 6, 27)),
        ("Nguyen Minh Triet", "Nguyễn Minh Triết", D(2006, 6, 27), D(2011, 7, 25)),
        ("Truong Tan Sang", "Trương Tấn Sang", D(2011, 7, 25), D(2016, 4, 2)),
        ("Tran Dai Quang", "Trần Đại Quang", D(2016, 4, 2), D(2018, 9, 21)),
        ("Nguyen Phu Trong", "Nguyễn Phú Trọng", D(2018, 10, 23), D(2021, 4, 5)),
        ("Nguyen Xuan Phuc", "Nguyễn Xuân Phúc", D(2021, 4, 5), D(2023, 1, 18)),
        ("Vo Van Thuong", "Võ Văn Thưởng", D(2023, 3, 2), D(2024, 3, 21)),
        ("To Lam", "Tô Lâm", D(2024, 5, 22), D(2024, 10, 21)),
        ("Luong Cuong", "Lương Cường", D(2024, 10, 21), OPEN),
    ],
    "prime_minister": [
        ("Ho Chi Minh", "Hồ Chí Minh", D(1945, 9, 2), D(1955, 9, 20)),
        ("Pham Van Dong", "Phạm Văn Đồng", D(1955, 9, 20), D(1987, 6, 18)),
        ("Pham Hung", "Phạm Hùng", D(1987, 6, 18), D(1988, 3, 10)),
        ("Do Muoi", "Đỗ Mười", D(1988, 6, 22), D(1991, 8, 8)),
        ("Vo Van Kiet", "Võ Văn Kiệt", D(1991, 8, 8), D(1997, 9, 25)),
        ("Phan Van Khai", "Phan Văn Khải", D(1997, 9, 25), D(2006, 6, 27)),
        ("Nguyen Tan Dung", "Nguyễn Tấn Dũng", D(2006, 6, 27), D(2016, 4, 7)),
        ("Nguyen Xuan Phuc", "Nguyễn Xuân Phúc", D(2016, 4, 7), D(2021, 4, 5)),
        ("Pham Minh Chinh", "Phạm Minh Chính", D(2021, 4, 5), OPEN),
    ],
    "assembly_chair": [
        ("Truong Chinh", "Trường Chinh", D(1960, 7, 15), D(1981, 7, 4)),
        ("Nguyen Huu Tho", "Nguyễn Hữu Thọ", D(1981, 7, 4), D(1987, 6, 17)),
        ("Le Quang Dao", "Lê Quang Đạo", D(1987, 6, 17), D(1992, 9, 23)),
        ("Nong Duc Manh", "Nông Đức Mạnh", D(1992, 9, 23), D(2001, 6, 27)),
        ("Nguyen Van An", "Nguyễn Văn An", D(2001, 6, 27), D(2006, 6, 26)),
        ("Nguyen Phu Trong", "Nguyễn Phú Trọng", D(2006, 6, 26), D(2011, 7, 23)),
        ("Nguyen Sinh Hung", "Nguyễn Sinh Hùng", D(2011, 7, 23), D(2016, 3, 31)),
        ("Nguyen Thi Kim Ngan", "Nguyễn Thị Kim Ngân", D(2016, 3, 31), D(2021, 3, 31)),
        ("Vuong Dinh Hue", "Vương Đình Huệ", D(2021, 3, 31), D(2024, 4, 26)),
        ("Tran Thanh Man", "Trần Thanh Mẫn", D(2024, 5, 20), OPEN),
    ],
}
TERMS["foreign_minister"] = [
    ("Pham Van Dong", "Phạm Văn Đồng", D(1954, 6, 1), D(1961, 4, 30)),
    ("Ung Van Khiem", "Ung Văn Khiêm", D(1961, 4, 1), D(1963, 4, 30)),
    ("Xuan Thuy", "Xuân Thủy", D(1963, 4, 1), D(1965, 4, 30)),
    ("Nguyen Duy Trinh", "Nguyễn Duy Trinh", D(1965, 4, 1), D(1980, 2, 29)),
    ("Nguyen Co Thach", "Nguyễn Cơ Thạch", D(1980, 2, 1), D(1991, 8, 31)),
    ("Nguyen Manh Cam", "Nguyễn Mạnh Cầm", D(1991, 8, 1), D(2000, 1, 31)),
    ("Nguyen Dy Nien", "Nguyễn Dy Niên", D(2000, 1, 1), D(2006, 6, 30)),
    ("Pham Gia Khiem", "Phạm Gia Khiêm", D(2006, 6, 1), D(2011, 8, 31)),
    ("Pham Binh Minh", "Phạm Bình Minh", D(2011, 8, 1), D(2021, 4, 30)),
    ("Bui Thanh Son", "Bùi Thanh Sơn", D(2021, 4, 1), OPEN),
]
