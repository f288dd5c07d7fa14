"""Om Stad för stad – the credit the handbook's licence asks for, and privacy."""

import streamlit as st

from stadforstad.i18n import CREDIT_EN, CREDIT_SV
from stadforstad.ui.context import frame, tr
from stadforstad.ui.headings import heading

frame()
heading(tr("Om Stad för stad", "About Stad för stad"), 1)
st.markdown(
    tr(
        "Det här verktyget är en digital följeslagare till metodhandboken **Stad för stad**, som "
        "guidar en kommun genom sju steg för att bygga lokal samverkan mot människohandel och "
        "prostitution. Formulärens frågor, skalor och nivåbeskrivningar citeras ur handboken.",
        "This tool is a digital companion to the method handbook **Stad för stad**, which guides "
        "a municipality through seven steps to build local collaboration against human "
        "trafficking and prostitution. The forms' questions, scales and level descriptions are "
        "quoted from the handbook.",
    )
)
heading(tr("Källa", "Source"), 2)
st.markdown(f"> {CREDIT_SV}")
if CREDIT_EN:
    st.caption(CREDIT_EN)
st.markdown(
    tr(
        "Handboken får spridas och användas med angivande av källa. Vill ni ha processledning "
        "genom arbetet, kontakta Frälsningsarmén: stadforstad@fralsningsarmen.se.",
        "The handbook may be spread and used with attribution. For process guidance, contact "
        "the Salvation Army: stadforstad@fralsningsarmen.se.",
    )
)
heading(tr("Personuppgifter", "Personal data"), 2)
st.markdown(
    tr(
        "Verktyget samlar bara in det handboken ber om. Svar via inbjudningslänk är anonyma om "
        "inte den svarande själv väljer annat. Vissa mallar kan röra känsliga uppgifter om "
        "enskilda; skriv aldrig namn eller personnummer på utsatta personer.",
        "The tool collects only what the handbook asks for. Answers through an invitation link "
        "are anonymous unless the respondent chooses otherwise. Some templates may concern "
        "individuals; never write names or personal numbers of exploited people.",
    )
)
