"""Who held Vietnam's top offices when: what the data tests check leaders' titles against.

From Wikipedia's lists of office-holders (General Secretaries of the
Communist Party of Vietnam, Presidents, Prime Ministers, Chairmen of the
National Assembly, Ministers of Foreign Affairs). Each term is (English
name, Vietnamese name, first day, last day); acting holders are listed as
terms of their own. 1960-76 party leaders were First Secretaries and
1981-92 heads of state and of government chaired the Council of State and
the Council of Ministers; the titles the data uses for each are in
``SPELLINGS``.
"""

from __future__ import annotations

import datetime as dt

Term = tuple[str, str, dt.date, dt.date]


def _term(en: str, vi: str, first: str, last: str = "2025-12-31") -> Term:
    return en, vi, dt.date.fromisoformat(first), dt.date.fromisoformat(last)


TERMS: dict[str, list[Term]] = {
    "general_secretary": [
        _term("Truong Chinh", "Trường Chinh", "1941-05-19", "1956-10-05"),
        _term("Le Duan", "Lê Duẩn", "1960-09-10", "1986-07-10"),
        _term("Truong Chinh", "Trường Chinh", "1986-07-14", "1986-12-18"),
        _term("Nguyen Van Linh", "Nguyễn Văn Linh", "1986-12-18", "1991-06-28"),
        _term("Do Muoi", "Đỗ Mười", "1991-06-28", "1997-12-26"),
        _term("Le Kha Phieu", "Lê Khả Phiêu", "1997-12-26", "2001-04-22"),
        _term("Nong Duc Manh", "Nông Đức Mạnh", "2001-04-22", "2011-01-19"),
        _term("Nguyen Phu Trong", "Nguyễn Phú Trọng", "2011-01-19", "2024-07-19"),
        _term("To Lam", "Tô Lâm", "2024-08-03"),
    ],
    "president": [
        _term("Ho Chi Minh", "Hồ Chí Minh", "1945-09-02", "1969-09-02"),
        _term("Ton Duc Thang", "Tôn Đức Thắng", "1969-09-03", "1980-03-30"),
        _term("Nguyen Huu Tho", "Nguyễn Hữu Thọ", "1980-03-30", "1981-07-04"),
        _term("Truong Chinh", "Trường Chinh", "1981-07-04", "1987-06-18"),
        _term("Vo Chi Cong", "Võ Chí Công", "1987-06-18", "1992-09-23"),
        _term("Le Duc Anh", "Lê Đức Anh", "1992-09-23", "1997-09-24"),
        _term("Tran Duc Luong", "Trần Đức Lương", "1997-09-24", "2006-06-27"),
        _term("Nguyen Minh Triet", "Nguyễn Minh Triết", "2006-06-27", "2011-07-25"),
        _term("Truong Tan Sang", "Trương Tấn Sang", "2011-07-25", "2016-04-02"),
        _term("Tran Dai Quang", "Trần Đại Quang", "2016-04-02", "2018-09-21"),
        _term("Nguyen Phu Trong", "Nguyễn Phú Trọng", "2018-10-23", "2021-04-05"),
        _term("Nguyen Xuan Phuc", "Nguyễn Xuân Phúc", "2021-04-05", "2023-01-18"),
        _term("Vo Van Thuong", "Võ Văn Thưởng", "2023-03-02", "2024-03-21"),
        _term("To Lam", "Tô Lâm", "2024-05-22", "2024-10-21"),
        _term("Luong Cuong", "Lương Cường", "2024-10-21"),
    ],
    "prime_minister": [
        _term("Ho Chi Minh", "Hồ Chí Minh", "1945-09-02", "1955-09-20"),
        _term("Pham Van Dong", "Phạm Văn Đồng", "1955-09-20", "1987-06-18"),
        _term("Pham Hung", "Phạm Hùng", "1987-06-18", "1988-03-10"),
        _term("Vo Van Kiet", "Võ Văn Kiệt", "1988-03-10", "1988-06-22"),
        _term("Do Muoi", "Đỗ Mười", "1988-06-22", "1991-08-08"),
        _term("Vo Van Kiet", "Võ Văn Kiệt", "1991-08-08", "1997-09-25"),
        _term("Phan Van Khai", "Phan Văn Khải", "1997-09-25", "2006-06-27"),
        _term("Nguyen Tan Dung", "Nguyễn Tấn Dũng", "2006-06-27", "2016-04-07"),
        _term("Nguyen Xuan Phuc", "Nguyễn Xuân Phúc", "2016-04-07", "2021-04-05"),
        _term("Pham Minh Chinh", "Phạm Minh Chính", "2021-04-05"),
    ],
    "assembly_chair": [
        _term("Truong Chinh", "Trường Chinh", "1960-07-15", "1981-07-04"),
        _term("Nguyen Huu Tho", "Nguyễn Hữu Thọ", "1981-07-04", "1987-06-17"),
        _term("Le Quang Dao", "Lê Quang Đạo", "1987-06-17", "1992-09-23"),
        _term("Nong Duc Manh", "Nông Đức Mạnh", "1992-09-23", "2001-06-27"),
        _term("Nguyen Van An", "Nguyễn Văn An", "2001-06-27", "2006-06-26"),
        _term("Nguyen Phu Trong", "Nguyễn Phú Trọng", "2006-06-26", "2011-07-23"),
        _term("Nguyen Sinh Hung", "Nguyễn Sinh Hùng", "2011-07-23", "2016-03-31"),
        _term("Nguyen Thi Kim Ngan", "Nguyễn Thị Kim Ngân", "2016-03-31", "2021-03-31"),
        _term("Vuong Dinh Hue", "Vương Đình Huệ", "2021-03-31", "2024-04-26"),
        _term("Tran Thanh Man", "Trần Thanh Mẫn", "2024-05-20"),
    ],
    "foreign_minister": [
        _term("Pham Van Dong", "Phạm Văn Đồng", "1954-04-01", "1961-04-30"),
        _term("Ung Van Khiem", "Ung Văn Khiêm", "1961-04-01", "1963-04-30"),
        _term("Xuan Thuy", "Xuân Thủy", "1963-04-01", "1965-04-30"),
        _term("Nguyen Duy Trinh", "Nguyễn Duy Trinh", "1965-04-01", "1980-02-29"),
        _term("Nguyen Co Thach", "Nguyễn Cơ Thạch", "1980-02-01", "1991-08-31"),
        _term("Nguyen Manh Cam", "Nguyễn Mạnh Cầm", "1991-08-01", "2000-01-31"),
        _term("Nguyen Dy Nien", "Nguyễn Dy Niên", "2000-01-01", "2006-06-30"),
        _term("Pham Gia Khiem", "Phạm Gia Khiêm", "2006-06-01", "2011-08-31"),
        _term("Pham Binh Minh", "Phạm Bình Minh", "2011-08-01", "2021-04-30"),
        _term("Bui Thanh Son", "Bùi Thanh Sơn", "2021-04-01"),
    ],
}

SPELLINGS: dict[str, tuple[str, str]] = {  # each office as a regex, in English and in Vietnamese titles
    "general_secretary": (
        r"(?:Communist )?(?:Party )?(?:General|First) Secretary|Party chief",
        r"Tổng Bí thư(?: Ban Chấp hành Trung ương Đảng)?|Bí thư thứ nhất",
    ),
    "president": (r"(?:State )?President", r"Chủ tịch nước|Chủ tịch Hội đồng Nhà nước"),
    "prime_minister": (r"Prime Minister|Premier|PM", r"Thủ tướng(?: Chính phủ)?|Chủ tịch Hội đồng Bộ trưởng"),
    "assembly_chair": (
        r"(?:National Assembly|NA) (?:Chairman|Chairwoman|Chair|Chairperson)"
        r"|Chair(?:man|woman) of the National Assembly",
        r"Chủ tịch Quốc hội",
    ),
    "foreign_minister": (r"Foreign Minister|Minister of Foreign Affairs", r"Bộ trưởng (?:Bộ )?Ngoại giao"),
}

COUNCILS = (dt.date(1981, 7, 4), dt.date(1992, 9, 23))
"""The 1980 Constitution's Council of State and Council of Ministers: no Chủ tịch nước, no Thủ tướng."""
