"""A labelled set of drafts for the sincerity coach, written by the LoveBridge team.

Each sample: (text, category, channel, the rules that SHOULD fire). Every rule has drafts where
it should fire and near-misses where it should not.
"""

from __future__ import annotations

A = "affection_without_reason"
C = "accusation"
E = "exaggeration"
P = "conditional_apology"
L = "too_long_for_channel"
V = "vague_memory"
J = "judgement"  # added with the rewritten coach; see tests/write/coach_sets for its own sets

LONG_TEXT = ("Jonah, thank you for the Saturday you gave me. " * 12).strip()  # ~560 chars
VERY_LONG = ("I keep thinking about our walk along the canal and the heron we saw. " * 16)

SAMPLES: list[tuple[str, str | None, str, set[str]]] = [
    # --- affection without a reason -------------------------------------------------------------
    ("I love you.", None, "print", {A}),
    ("Love you, see you tonight.", None, "text", {A}),
    ("Jonah, I adore you. Have a good day at work.", None, "print", {A}),
    ("Just wanted to say I love you so much.", "appreciation", "print", {A}),
    ("Morning! Love you x", "good_morning", "text", {A}),
    ("I love you. That's all. Sleep well.", "good_night", "print", {A}),
    ("Thinking of you today, love you lots.", None, "text", {A}),
    ("I adore you, Maya.", None, "print", {A}),
    ("I love you because you always leave the porch light on for me.", None, "print", set()),
    ("I love the way you hum when you cook.", None, "print", set()),
    ("I love you. The way you listened to my sister last night was so kind.", None, "print",
     set()),
    ("Love you for making me tea before my exam this morning.", None, "text", set()),
    ("I love how you remember every little thing I tell you.", None, "print", set()),
    ("I love you, and I love it when you laugh at your own jokes.", None, "print", set()),
    ("Thank you for fixing my bike. I love you.", None, "text", set()),
    ("I love you for all the ways you look after our little home.", None, "print", set()),
    ("I love that you sing in the shower.", None, "print", set()),
    # --- accusations -----------------------------------------------------------------------------
    ("You never listen to me.", None, "print", {C}),
    ("You always leave your socks on the floor and I'm tired of it.", None, "print", {C}),
    ("Honestly, you made me late again this morning.", None, "text", {C}),
    ("It's your fault we missed the train.", None, "text", {C}),
    ("You don't even notice when I'm upset.", None, "print", {C}),
    ("You should have called me when you knew you'd be late.", None, "text", {C}),
    ("I try so hard and you never help with the dishes.", None, "print", {C}),
    ("It is all your fault that the evening went wrong.", None, "print", {C}),
    ("You always make me laugh when I need it most.", None, "print", set()),
    ("You never give up on me, even on my grumpy days.", None, "print", set()),
    ("You made me soup when I was ill and it tasted like home.", None, "print", set()),
    ("You always know what to say after a long day.", None, "print", set()),
    ("I feel unheard when we talk over each other. Could we take turns tonight?", None,
     "print", set()),
    ("You made me feel so welcome with your family.", None, "print", set()),
    ("You never once complained about the move, and I noticed.", None, "print", set()),
    ("I should have called you when I knew I'd be late.", None, "text", set()),
    ("You never cease to amaze me with your patience.", None, "print", set()),
    ("You should have seen your face when the cake came out, it was adorable.", None, "print",
     set()),
    ("You never ask how my day was.", None, "print", {C}),
    # --- exaggeration ----------------------------------------------------------------------------
    ("You are perfect in every way.", None, "print", {E}),
    ("Best weekend ever with you by the sea.", None, "print", {E}),
    ("I love you more than anything in the whole world because you make me laugh.", None,
     "print", {E}),
    ("I would die without you, honestly, after the way you held me today.", None, "print", {E}),
    ("Thank you a million times for the birthday picnic.", None, "print", {E}),
    ("Can't wait to see you tonight!!!", None, "text", {E}),
    ("I am SO PROUD of you for finishing the race.", None, "print", {E}),
    ("We will be together forever and ever, because we laugh at the same things.", None,
     "print", {E}),
    ("I am infinitely grateful for your patience with the kitchen renovation.", None, "print",
     {E}),
    ("Thank you for the best cup of coffee ever made, served in bed.", None, "print", {E}),
    ("Can't wait to see you tonight!", None, "text", set()),
    ("I'm proud of you for finishing the race in the rain.", None, "print", set()),
    ("Thank you for the birthday picnic at the lake; the lemon cake was a lovely touch.", None,
     "print", set()),
    ("Our weekend by the sea was one of my favourites.", None, "print", set()),
    ("We saw the BBC crew filming by the pier, do you remember?", None, "print", set()),
    ("I like our Sunday walks to the bakery more than I can say.", None, "print", set()),
    # --- conditional apology ---------------------------------------------------------------------
    ("I'm sorry, but you were being unfair too.", "apology", "print", {P, J}),
    ("Sorry if I upset you last night.", None, "text", {P}),
    ("I'm sorry if you were hurt by what I said.", None, "print", {P}),
    ("I apologise if you felt left out at the party.", None, "print", {P}),
    ("I'm sorry you feel that way about the holiday.", "apology", "print", {P}),
    ("I am sorry that you took it so badly.", None, "print", {P}),
    ("Sorry but I had a long day and I snapped.", "apology", "text", {P}),
    ("I'm sorry I snapped at you about the dishes. I was tired and took it out on you.",
     "apology", "print", set()),
    ("I'm sorry I forgot your mum's birthday. I've put it in my calendar for every year.",
     "apology", "print", set()),
    ("Sorry for being quiet at dinner. Work is heavy, and I'd like to tell you about it.",
     "apology", "print", set()),
    ("I'm sorry that you had to wait for me in the cold, that wasn't fair of me.", "apology",
     "print", set()),
    ("I apologise for the sharp words this morning. You deserved patience.", None, "print",
     set()),
    ("If you felt like a walk after work, the evening is lovely.", None, "text", set()),
    ("I was wrong to interrupt you, and I'm sorry. I'll listen properly tonight.", "apology",
     "print", set()),
    # --- too long for the channel ----------------------------------------------------------------
    (LONG_TEXT, None, "text", {L}),
    (VERY_LONG, None, "messaging", {L}),
    (VERY_LONG, None, "qr", {L}),
    ("Jonah, thank you for the Saturday you gave me. " * 4, None, "text", set()),
    (LONG_TEXT, None, "email", set()),
    (VERY_LONG, None, "print", set()),
    (LONG_TEXT, None, "messaging", set()),
    (VERY_LONG, None, "email", set()),
    # --- vague memory ----------------------------------------------------------------------------
    ("Remember when we laughed so much?", None, "print", {V}),
    ("I was thinking about that time, it was so lovely.", "remembering", "print", {V}),
    ("Remember when everything felt easy between us? I think of it often.", None, "print",
     {V}),
    ("Do you remember when we stayed up talking all night, Jonah?", None, "print", {V}),
    ("Looking back at [a memory], I smile every time.", "remembering", "print", {V}),
    ("That was such a good day with you. We should do it again.", "remembering", "print", {V}),
    ("Remember when we got lost on the way to the lake?", None, "print", set()),
    ("Remember when we danced in the kitchen at midnight?", None, "print", set()),
    ("I keep thinking about our trip to Lisbon and the yellow tram.", "remembering", "print",
     set()),
    ("Remember when it snowed in April and we built a tiny snowman on the balcony?", None,
     "print", set()),
    ("Do you remember when we met at Clara's birthday party in 2018?", None, "print", set()),
    ("I was thinking about our first picnic, the one where the ants won.", "remembering",
     "print", set()),
    ("We laughed so much that night. Thank you for it.", None, "print", set()),
    ("Remember when we painted the hallway on that rainy Sunday?", None, "print", set()),
    # --- several at once, and none at all --------------------------------------------------------
    ("You never listen!! I love you anyway.", None, "print", {C, E, A}),
    ("I'm sorry, but you always twist my words.", "apology", "print", {P, C}),
    ("Remember when? Best day ever!!", None, "print", {V, E}),
    ("Good morning, Jonah. I left you the last croissant and a note on the kettle.",
     "good_morning", "text", set()),
    ("Thank you for listening on Sunday. I felt lighter afterwards.", "daily_thanks", "print",
     set()),
    ("Saturday market, then pancakes? I'll bring the big basket.", "future_plans", "text",
     set()),
    ("I'm proud of how you handled that call today.", "admiration", "text", set()),
    ("Sleep well, Maya. Tomorrow is a slow morning, I promise.", "good_night", "text", set()),
]
